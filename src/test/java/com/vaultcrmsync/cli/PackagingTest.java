package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.FileReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/**
 * Proves what can be checked without a Docker engine or a service manager: the compose file parses,
 * and its command, healthcheck and env file match the CLI, the HTTP API and the shipped
 * configuration, every key of which docs/configuration.md documents; the README opens with the run
 * and test commands (the latter the one CI runs); the README's systemd unit passes {@code
 * systemd-analyze verify} and starts the daemon command.
 */
class PackagingTest {
  @Test
  @SuppressWarnings("unchecked")
  void composeRunsTheDaemonCommandWithAHealthcheckOnTheApi() throws Exception {
    Map<String, Object> compose;
    try (Reader in = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
      compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Map<String, Object> connector = (Map<String, Object>) services.get("vault-crm-sync");
    List<String> command = (List<String>) connector.get("command");
    assertThat(command).containsExactly("run", "--vault", "/vault");
    CommandLine.ParseResult parsed = Main.commandLine().parseArgs(command.toArray(String[]::new));
    assertThat(parsed.subcommand().commandSpec().userObject()).isInstanceOf(RunCommand.class);
    assertThat((List<String>) connector.get("volumes")).anyMatch(v -> v.endsWith(":/vault"));

    Properties config = new Properties();
    try (Reader in = new FileReader("config/application.properties")) {
      config.load(in);
    }
    String port = config.getProperty("camel.server.port");
    Map<String, Object> health = (Map<String, Object>) connector.get("healthcheck");
    assertThat((List<String>) health.get("test"))
        .last()
        .isEqualTo("http://127.0.0.1:" + port + "/api/health");
    assertThat((List<String>) connector.get("env_file"))
        .containsExactly("config/vault-crm-sync.env");
    assertThat(Path.of("config/vault-crm-sync.env.example")).exists();

    Map<String, Object> emulator = (Map<String, Object>) services.get("emulator");
    assertThat((List<String>) emulator.get("profiles")).containsExactly("emulator");
    assertThat(((List<String>) emulator.get("command")).get(0)).isEqualTo("emulator");
  }

  @Test
  void theImageRunsTheSameJarAndCommandAsCompose() throws Exception {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    assertThat(dockerfile)
        .contains("FROM eclipse-temurin:17-jre")
        .contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/vault-crm-sync.jar\"]")
        .contains("CMD [\"run\", \"--vault\", \"/vault\"]")
        .contains("USER vcs")
        .contains("http://127.0.0.1:8787/api/health");
  }

  @Test
  void theEnvExampleHoldsPlaceholdersOnly() throws Exception {
    for (String line : Files.readAllLines(Path.of("config/vault-crm-sync.env.example"))) {
      if (line.startsWith("SALESFORCE_PASSWORD=") || line.startsWith("SALESFORCE_CLIENT_SECRET=")) {
        assertThat(line).matches("[A-Z_]+=(<[^>]+>)?");
      }
    }
  }

  @Test
  void theReadmesSystemdUnitPassesSystemdAnalyzeAndRunsTheDaemon(@TempDir Path dir)
      throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String marker = "# ~/.config/systemd/user/vault-crm-sync.service\n";
    int from = readme.indexOf(marker);
    assertThat(from).isPositive();
    String unit = readme.substring(from + marker.length(), readme.indexOf("```", from));
    String exec =
        unit.lines()
            .filter(l -> l.startsWith("ExecStart="))
            .findFirst()
            .orElseThrow()
            .substring(10);
    List<String> args = List.of(exec.split(" "));
    assertThat(args.subList(0, 3)).containsExactly("/usr/bin/java", "-jar", args.get(2));
    CommandLine.ParseResult parsed =
        Main.commandLine().parseArgs(args.subList(3, args.size()).toArray(String[]::new));
    assertThat(parsed.subcommand().commandSpec().userObject()).isInstanceOf(RunCommand.class);

    Optional<Path> analyze =
        Stream.of(System.getenv("PATH").split(File.pathSeparator))
            .map(folder -> Path.of(folder, "systemd-analyze"))
            .filter(Files::isExecutable)
            .findFirst();
    assumeTrue(analyze.isPresent(), "systemd-analyze is not installed");
    // systemd checks that the command exists: point it at this JVM's java.
    String java = ProcessHandle.current().info().command().orElseThrow();
    Path file = dir.resolve("vault-crm-sync.service");
    Files.writeString(file, unit.replace("ExecStart=/usr/bin/java ", "ExecStart=" + java + " "));
    Process verify =
        new ProcessBuilder(analyze.get().toString(), "verify", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(verify.waitFor()).as(output).isZero();
    // Unknown keys and unparsable values are only warned about: none may be printed.
    assertThat(output).isEmpty();
  }

  @Test
  void everyKeyOfTheShippedConfigurationIsDocumentedInTheConfigurationTable() throws Exception {
    Properties config = new Properties();
    try (Reader in = new FileReader("config/application.properties")) {
      config.load(in);
    }
    String doc = Files.readString(Path.of("docs/configuration.md"));
    assertThat(config.stringPropertyNames())
        .isNotEmpty()
        .allSatisfy(key -> assertThat(doc).contains("| `" + key + "` |"));
  }

  @Test
  void theReadmeOpensWithTheRunAndTestCommandsAndCiRunsTheTestCommand() throws Exception {
    List<String> readme = Files.readAllLines(Path.of("README.md"));
    assertThat(readme.subList(0, 6))
        .containsExactly(
            "# vault-crm-sync",
            "",
            "```sh",
            "mvn -B -q -DskipTests package && java -jar target/vault-crm-sync.jar demo   # run the main job",
            "mvn -B verify                                                              # run the tests",
            "```");
    assertThat(Files.readAllLines(Path.of(".ci/run"))).last().isEqualTo("mvn -B verify");
  }
}
