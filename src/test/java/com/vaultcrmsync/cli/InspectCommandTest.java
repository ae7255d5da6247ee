package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves {@code inspect} prints the note JSON and follows the exit code contract (0, 1, 2). */
class InspectCommandTest {
  private static final Path VAULT = Path.of("src/test/resources/vault");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void theSeedNotePrintsItsJsonAndExitsZero() throws IOException {
    int code = run("inspect", VAULT.resolve("seed/Microsoft.md").toString());

    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("path").asText()).endsWith("seed/Microsoft.md");
    assertThat(json.get("type").asText()).isEqualTo("customer");
    assertThat(json.get("title").asText()).isEqualTo("Microsoft");
    assertThat(json.get("lastContact").isNull()).isTrue();
    assertThat(json.get("frontMatter").get("created").asText()).isEqualTo("2026-01-03");
    assertThat(json.get("sections")).hasSize(5);
    assertThat(json.get("entries")).hasSize(15);
    JsonNode entry = json.get("entries").get(7);
    assertThat(entry.get("line").asInt()).isEqualTo(22);
    assertThat(entry.get("date").asText()).isEqualTo("2025-12-19");
    assertThat(entry.get("dateText").asText()).isEqualTo("2025-12-19");
    assertThat(entry.get("target").asText()).isEqualTo("2025-12-19");
    assertThat(entry.get("via").asText()).isEqualTo("Jeff Denworth");
    assertThat(entry.has("alias") && entry.has("heading") && entry.has("text")).isTrue();
    assertThat(entry.has("summary") && entry.has("crmId")).isTrue();
    assertThat(json.get("errors")).isEmpty();
  }

  @Test
  void aNoteWithErrorsStillPrintsJsonAndExitsOne() throws IOException {
    int code = run("inspect", VAULT.resolve("fixtures/bad-yaml.md").toString());

    assertThat(code).isEqualTo(1);
    JsonNode errors = new ObjectMapper().readTree(out.toString()).get("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("line").asInt()).isEqualTo(5);
    assertThat(errors.get(0).get("message").asText()).contains("YAML");
  }

  @Test
  void aNoteWithOnlyWarningsExitsZero() throws IOException {
    int code = run("inspect", VAULT.resolve("fixtures/impossible-date.md").toString());

    assertThat(code).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("warnings")).hasSize(1);
  }

  @Test
  void aMissingFileIsAUsageError() {
    assertThat(run("inspect", "no/such/note.md")).isEqualTo(2);
    assertThat(err.toString()).contains("no such file").contains("note.md");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aFolderIsAUsageError(@TempDir Path dir) {
    assertThat(run("inspect", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not a file");
  }

  @Test
  void noArgumentIsAUsageError() {
    assertThat(run("inspect")).isEqualTo(2);
    assertThat(err.toString()).contains("NOTE.md");
  }
}
