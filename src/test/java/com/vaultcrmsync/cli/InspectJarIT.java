package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the built jar runs {@code inspect} and {@code --version} from any working directory. */
class InspectJarIT {
  private static final Path SEED = Path.of("src/test/resources/vault/seed/Microsoft.md");

  @TempDir Path workDir;

  private record Result(int code, String out, String err) {}

  private Result run(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("vaultcrmsync.jar", "target/vault-crm-sync.jar"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Path stdout = workDir.resolve("stdout.txt");
    Path stderr = workDir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("jar finished").isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  @Test
  void inspectOfTheSeedPrintsItsJsonAndExitsZero() throws Exception {
    Path note = Files.copy(SEED, workDir.resolve("Microsoft.md"));

    Result r = run("inspect", note.toAbsolutePath().toString());

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("title").asText()).isEqualTo("Microsoft");
    assertThat(json.get("type").asText()).isEqualTo("customer");
    assertThat(json.get("entries")).hasSize(15);
    assertThat(json.get("entries").get(0).get("summary").asText()).contains("VAST\u2019s");
    assertThat(json.get("errors")).isEmpty();
  }

  @Test
  void inspectOfARelativePathWorksFromTheWorkingDirectory() throws Exception {
    Files.copy(SEED, workDir.resolve("Microsoft.md"));

    Result r = run("inspect", "Microsoft.md");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("path").asText()).isEqualTo("Microsoft.md");
  }

  @Test
  void inspectOfABrokenNoteExitsOneAndOfAMissingOneTwo() throws Exception {
    Path bad = Files.writeString(workDir.resolve("bad.md"), "---\ntype: customer\n");

    Result broken = run("inspect", bad.toString());
    assertThat(broken.code()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(broken.out()).get("errors")).hasSize(1);

    Result missing = run("inspect", "missing.md");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("missing.md");
  }

  @Test
  void versionNamesTheTool() throws Exception {
    Result r = run("--version");

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("vault-crm-sync ").doesNotContain("dev");
  }
}
