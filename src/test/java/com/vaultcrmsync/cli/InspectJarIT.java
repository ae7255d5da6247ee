package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaultcrmsync.testing.JarProcess;
import com.vaultcrmsync.testing.JarProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the built jar runs {@code inspect} and {@code --version} from any working directory. */
class InspectJarIT {
  private static final Path SEED = Path.of("src/test/resources/vault/seed/Microsoft.md");

  @TempDir Path workDir;

  private Result run(String... args) throws IOException, InterruptedException {
    return JarProcess.run(workDir, Duration.ofSeconds(60), args);
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
