package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

/**
 * Proves the main job through the built jar: {@code sync} of the seed note against the embedded
 * emulator, announced on the first log line, then a second run that writes nothing.
 */
class SyncJarIT {
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
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("jar finished").isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  @Test
  void syncOfTheSeedNoteAgainstTheEmbeddedEmulatorThenANoOpSecondRun() throws Exception {
    assumeTrue(System.getenv("SALESFORCE_LOGIN_URL") == null, "SALESFORCE_LOGIN_URL is set");
    Path vault = Files.createDirectories(workDir.resolve("vault"));
    Path note = Files.copy(SEED, vault.resolve("Microsoft.md"));

    Result first = run("sync", "--vault", vault.toString());

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err().lines().findFirst().orElse(""))
        .contains("Using the embedded Salesforce emulator");
    assertThat(Files.readString(note))
        .contains("last_contact: 2025-12-19")
        .contains("salesforce_id: ");
    JsonNode report =
        new ObjectMapper().readTree(vault.resolve(".vault-crm-sync/reports/latest.json").toFile());
    assertThat(report.at("/totals/accountsCreated").asInt()).isEqualTo(1);
    assertThat(report.at("/totals/activitiesCreated").asInt()).isEqualTo(8);
    String after = Files.readString(note);
    long mtime = Files.getLastModifiedTime(note).toMillis();

    Result second = run("sync", "--vault", vault.toString());

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(Files.readString(note)).isEqualTo(after);
    assertThat(Files.getLastModifiedTime(note).toMillis()).isEqualTo(mtime);
    report =
        new ObjectMapper().readTree(vault.resolve(".vault-crm-sync/reports/latest.json").toFile());
    assertThat(report.at("/api/calls").asInt()).isLessThanOrEqualTo(3);
    assertThat(report.at("/totals/notesWritten").asInt()).isZero();
  }
}
