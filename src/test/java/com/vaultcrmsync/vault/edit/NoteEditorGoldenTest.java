package com.vaultcrmsync.vault.edit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.vault.Golden;
import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.parse.NoteParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Proves each edit changes exactly the bytes it owns, checked byte for byte against golden notes.
 */
class NoteEditorGoldenTest {
  private final NoteParser parser = new NoteParser();

  private Note read(String resource) throws IOException {
    Path p = Golden.VAULT.resolve(resource);
    return parser.parse(p.getFileName().toString(), Files.readAllBytes(p));
  }

  private String edit(String resource, String golden, UnaryOperator<NoteEdit> edits)
      throws IOException {
    Note note = read(resource);
    String result = edits.apply(NoteEdit.of(note)).apply();
    Golden.assertMatches(
        Golden.VAULT.resolve("edits").resolve(golden + ".expected.md"),
        result.getBytes(StandardCharsets.UTF_8));
    assertThat(parser.parse(note.relativePath(), result).hasErrors()).isFalse();
    return result;
  }

  @Test
  void settingLastContactOnTheSeedChangesOnlyItsValue() throws IOException {
    edit(
        "seed/Microsoft.md",
        "seed-last-contact",
        e -> e.setFrontMatterScalar("last_contact", "2026-01-15"));
  }

  @Test
  void aSyncWriteSetsBothKeysAndAddsEntriesAtTheirDatePositions() throws IOException {
    String result =
        edit(
            "seed/Microsoft.md",
            "seed-sync-write",
            e ->
                e.setFrontMatterScalar("last_contact", "2026-01-15")
                    .setFrontMatterScalar("salesforce_id", "0015e00000AbCdEFGH")
                    .insertEntry(
                        "- 2025-01-02: Old call - Before everything (via Salesforce: Dana Lee) ^sf-00T5e00000AbCdEFG1")
                    .insertEntry(
                        "- 2026-01-15: Quarterly review call - Discussed renewal (via Salesforce: Dana Lee) ^sf-00T5e00000AbCdEFGH")
                    .insertEntry(
                        "- unknown: [[Undated note]] - Goes after the existing undated entries")
                    .insertEntry(
                        "- 2025-10-29: Same day call - After the existing 2025-10-29 entries ^sf-00T5e00000AbCdEFG2")
                    .insertEntry(
                        "- 2026-01-16: [[Newest]] - Before the 2026-01-15 one in the same block"));
    Note edited = parser.parse("Microsoft.md", result);
    assertThat(edited.entries()).hasSize(20);
    assertThat(edited.lastContact())
        .hasValueSatisfying(d -> assertThat(d).hasToString("2026-01-15"));
  }

  @Test
  void crlfNotesGetCrlfLines() throws IOException {
    String result =
        edit(
            "fixtures/crlf.md",
            "crlf-insert",
            e ->
                e.insertEntry("- 2025-10-20: [[2025-10-20 - Contoso]] - Follow-up")
                    .setFrontMatterScalar("salesforce_id", "0015e00000AbCdEFGH"));
    assertThat(result.replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void aMissingKeyIsAddedBeforeTheClosingFenceBehindTheBom() throws IOException {
    edit(
        "fixtures/bom.md",
        "bom-new-key",
        e -> e.setFrontMatterScalar("last_contact", "2025-09-01"));
  }

  @Test
  void anEntryAppendedAtTheEndKeepsTheMissingFinalNewline() throws IOException {
    String result =
        edit(
            "fixtures/no-final-newline.md",
            "no-final-newline-insert",
            e -> e.insertEntry("- 2025-01-01: [[Older]] - Goes last"));
    assertThat(result).endsWith("Goes last");
  }

  @Test
  void replacingAnEntryLineKeepsTrailingSpacesElsewhere() throws IOException {
    Note note = read("fixtures/trailing-spaces.md");
    edit(
        "fixtures/trailing-spaces.md",
        "trailing-spaces-replace",
        e ->
            e.replaceEntryLine(
                note.entries().get(1),
                "- 2025-07-01: Phone call - Short one (via Salesforce: Dana Lee) ^sf-00T5e00000AbCdEFGH"));
  }

  @Test
  void quotingStylesAndCommentsOfExistingKeysAreKept() throws IOException {
    edit(
        "fixtures/nested-yaml.md",
        "nested-yaml-set",
        e ->
            e.setFrontMatterScalar("last_contact", "2025-06-30")
                .setFrontMatterScalar("salesforce_id", "0015e00000AbCdEFGH")
                .setFrontMatterScalar("title", "Wide \"World\" Importers"));
  }

  @Test
  void singleAndDoubleQuotedDatesStayQuoted() throws IOException {
    edit(
        "fixtures/quoted-dates.md",
        "quoted-dates-set",
        e ->
            e.setFrontMatterScalar("created", "2026-02-01")
                .setFrontMatterScalar("updated", "2026-02-02")
                .setFrontMatterScalar("last_contact", "2026-02-03"));
  }

  @Test
  void theSectionIsCreatedAfterTheH1WhenMissing() throws IOException {
    edit(
        "fixtures/no-recent-context.md",
        "no-recent-context-insert",
        e ->
            e.insertEntry("- 2025-05-01: [[Older]] - Second")
                .insertEntry("- 2025-05-02: [[Newer]] - First"));
  }

  @Test
  void aNoteWithoutFrontMatterGetsOneAtItsStart() throws IOException {
    edit(
        "fixtures/setext-no-front-matter.md",
        "setext-new-front-matter",
        e -> e.setFrontMatterScalar("salesforce_id", "0015e00000AbCdEFGH"));
  }

  @Test
  void aNoteWithoutHeadingsGetsTheSectionAtItsStart() throws IOException {
    edit(
        "fixtures/untitled note.md",
        "untitled-insert",
        e -> e.insertEntry("- unknown: Some text entry"));
  }

  @Test
  void frontMatterCreatedInABomNoteGoesAfterTheBom() throws IOException {
    edit(
        "edits/bom-no-front-matter.input.md",
        "bom-no-front-matter",
        e ->
            e.setFrontMatterScalar("last_contact", "2025-01-01")
                .insertEntry("- 2025-01-01: [[First]]"));
  }

  @Test
  void anEmptySectionGetsEntriesAfterOneBlankLine() throws IOException {
    edit(
        "edits/empty-section.input.md",
        "empty-section",
        e -> e.insertEntry("- 2025-01-01: [[First]]"));
  }

  @Test
  void aTitleOnTheLastLineWithoutNewlineStaysWithoutFinalNewline() throws IOException {
    edit(
        "edits/title-last-line.input.md",
        "title-last-line",
        e -> e.insertEntry("- 2025-01-01: [[First]]"));
  }

  @Test
  void aSectionHeadingAtTheEndOfTheFileGetsItsFirstEntry() throws IOException {
    edit(
        "edits/heading-at-end.input.md",
        "heading-at-end",
        e -> e.insertEntry("- 2025-01-01: [[First]]"));
  }

  @Test
  void entriesGoAboveAParagraphWithABlankLineBetween() throws IOException {
    edit(
        "edits/paragraph-section.input.md",
        "paragraph-section",
        e -> e.insertEntry("- 2025-01-01: [[First]]"));
  }

  @Test
  void anEntryAfterOneWithContinuationLinesGoesBelowThem() throws IOException {
    edit(
        "fixtures/continuation.md",
        "continuation-insert",
        e -> e.insertEntry("- 2025-03-02: [[Between]] - Under the indented lines"));
  }
}
