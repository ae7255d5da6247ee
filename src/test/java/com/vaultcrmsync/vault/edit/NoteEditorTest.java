package com.vaultcrmsync.vault.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaultcrmsync.vault.ContextEntry;
import com.vaultcrmsync.vault.Golden;
import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.parse.NoteParser;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Proves the editor leaves unchanged notes identical and refuses edits it cannot make safely. */
class NoteEditorTest {
  private final NoteParser parser = new NoteParser();

  private Note seed() throws IOException {
    return parser.parse(
        "Microsoft.md", Files.readAllBytes(Golden.VAULT.resolve("seed/Microsoft.md")));
  }

  @Test
  void anEditThatChangesNothingReturnsTheIdenticalString() throws IOException {
    Note note = seed();
    assertThat(NoteEditor.setFrontMatterScalar(note, "last_contact", "unknown"))
        .isSameAs(note.text());
    assertThat(
            NoteEditor.replaceEntryLine(note, note.entries().get(3), note.entries().get(3).raw()))
        .isSameAs(note.text());
    assertThat(NoteEdit.of(note).apply()).isSameAs(note.text());
  }

  @Test
  void settingAQuotedValueToTheSameValueKeepsTheQuotes() {
    Note note = parser.parse("a.md", "---\ncreated: '2026-01-03'\n---\n");
    assertThat(NoteEditor.setFrontMatterScalar(note, "created", "2026-01-03"))
        .isSameAs(note.text());
  }

  @Test
  void aPlainValueYamlWouldMisreadIsQuoted() {
    Note note = parser.parse("a.md", "---\nid: x\n---\n");
    assertThat(NoteEditor.setFrontMatterScalar(note, "id", "00123"))
        .isEqualTo("---\nid: '00123'\n---\n");
    assertThat(NoteEditor.setFrontMatterScalar(note, "id", "a: b #c"))
        .isEqualTo("---\nid: 'a: b #c'\n---\n");
  }

  @Test
  void anEmptyValueAfterTheColonIsFilledIn() {
    Note note = parser.parse("a.md", "---\nlast_contact:\nother: 1\n---\n");
    assertThat(NoteEditor.setFrontMatterScalar(note, "last_contact", "2025-01-01"))
        .isEqualTo("---\nlast_contact: 2025-01-01\nother: 1\n---\n");
  }

  @Test
  void aKeyHoldingAListIsRefused() throws IOException {
    Note note = seed();
    assertThatThrownBy(() -> NoteEdit.of(note).setFrontMatterScalar("tags", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tags");
  }

  @Test
  void aMultiLineValueIsRefused() {
    Note note = parser.parse("a.md", "---\nnote: first\n  second\n---\n");
    assertThatThrownBy(() -> NoteEdit.of(note).setFrontMatterScalar("note", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aValueWithALineBreakIsRefused() throws IOException {
    Note note = seed();
    assertThatThrownBy(() -> NoteEdit.of(note).setFrontMatterScalar("last_contact", "a\nb"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNoteWithErrorsCannotBeEdited() {
    Note note = parser.parse("a.md", "---\ntype: [x\n---\n# A\n");
    assertThatThrownBy(() -> NoteEdit.of(note))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a.md");
  }

  @Test
  void aLineThatIsNotAnEntryCannotBeInserted() throws IOException {
    Note note = seed();
    assertThatThrownBy(() -> NoteEdit.of(note).insertEntry("just text"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoteEdit.of(note).insertEntry("- 2025-02-30: [[Impossible]]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEntryOfAnotherNoteCannotBeReplaced() throws IOException {
    Note note = seed();
    Note other = parser.parse("b.md", "## Recent Context\n- 2025-01-01: [[X]]\n");
    assertThatThrownBy(
            () -> NoteEdit.of(note).replaceEntryLine(other.entries().get(0), "- unknown: y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anExplicitDateDecidesThePosition() {
    Note note =
        parser.parse("a.md", "## Recent Context\n- 2025-01-02: [[B]]\n- 2025-01-01: [[A]]\n");
    assertThat(NoteEditor.insertEntry(note, "- unknown: [[Late]]", LocalDate.of(2025, 1, 1)))
        .isEqualTo(
            "## Recent Context\n- 2025-01-02: [[B]]\n- 2025-01-01: [[A]]\n- unknown: [[Late]]\n");
  }

  @Test
  void editedEntriesReadBackWithTheirParts() throws IOException {
    String line =
        "- 2026-01-15: Quarterly review call - Discussed renewal (via Salesforce: Dana Lee) ^sf-00T5e00000AbCdEFGH";
    Note edited = parser.parse("Microsoft.md", NoteEditor.insertEntry(seed(), line));
    ContextEntry entry =
        edited.entries().stream().filter(e -> e.crmId() != null).findFirst().orElseThrow();
    assertThat(entry.raw()).isEqualTo(line);
    assertThat(entry.text()).isEqualTo("Quarterly review call");
    assertThat(entry.summary()).isEqualTo("Discussed renewal");
    assertThat(entry.via()).isEqualTo("Salesforce: Dana Lee");
    assertThat(entry.crmId()).isEqualTo("00T5e00000AbCdEFGH");
    assertThat(entry.line()).isEqualTo(22);
  }

  @Test
  void aStrayCarriageReturnCountsAsALineBreakLikeFlexmarkSeesIt() {
    String text = "# T\n\nsome\rtext\n\n## Recent Context\n\n- 2025-01-01: [[A]]\n";
    Note note = parser.parse("cr.md", text);

    assertThat(note.section("Recent Context").orElseThrow().line()).isEqualTo(6);
    assertThat(note.entries()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(8));
    assertThat(NoteEditor.insertEntry(note, "- 2025-01-02: [[B]]"))
        .isEqualTo(
            "# T\n\nsome\rtext\n\n## Recent Context\n\n- 2025-01-02: [[B]]\n- 2025-01-01: [[A]]\n");
  }
}
