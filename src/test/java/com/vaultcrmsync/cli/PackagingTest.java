package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/**
 * Proves what can be checked without a Docker engine: the compose file parses, and its command,
 * healthcheck and env file match the CLI, the HTTP API and the shipped configuration, every key of
 * which the README documents.
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
  void everyKeyOfTheShippedConfigurationIsDocumentedInTheReadmeTable() throws Exception {
    Properties config = new Properties();
    try (Reader in = new FileReader("config/application.properties")) {
      config.load(in);
    }
    String readme = Files.readString(Path.of("README.md"));
    assertThat(config.stringPropertyNames())
        .isNotEmpty()
        .allSatisfy(key -> assertThat(readme).contains("| `" + key + "` |"));
  }
}
