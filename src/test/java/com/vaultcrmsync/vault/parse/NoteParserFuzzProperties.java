package com.vaultcrmsync.vault.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.NoteProblem;
import com.vaultcrmsync.vault.edit.NoteEditor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzes the parser and the editor: arbitrary bytes, and notes assembled from hostile fragments
 * (fences, bad YAML, aliases, invalid UTF-8, NULs, CR, BOMs, huge lines), never make them throw —
 * the parser answers a {@link Note}, with ERROR problems that name a reason when it cannot read it;
 * a note read without errors takes owned edits that re-read cleanly and insert one contiguous span,
 * or refuses them with the editor's documented exception (the caller then leaves the note alone).
 */
class NoteParserFuzzProperties {
  private static final NoteParser PARSER = new NoteParser();

  private static final List<String> FRAGMENTS =
      List.of(
          "---\n",
          "---\r\n",
          "...\n",
          "\uFEFF",
          "type: customer\n",
          "title: \"Fuzz\"\n",
          "title: [unclosed\n",
          "a: &x [1, 2]\nb: *x\n",
          "c: *undefined\n",
          "last_contact: 2026-01-05\n",
          "last_contact: 2026-02-30\n",
          "salesforce_id: 0015e00000AbCdEFGH\n",
          "tags:\n- x\n",
          "  indented: value\n",
          "\t: tab\n",
          "# Title\n",
          "## Recent Context\n",
          "## Key Facts\n",
          "- 2026-01-05: [[Link|Alias]] - summary (via X)\n",
          "- unknown: text\n",
          "- 9999-99-99: bad date\n",
          "- 2026-01-05: Call - x ^sf-00T5e00000AbCdEFGH\n",
          "```\n",
          "<div>\n",
          "\n",
          "\r\n",
          "\r",
          "\0",
          "x".repeat(5000),
          "\u2014\u201c\u201d\uD83D\uDE00");

  @Property(tries = 500)
  void arbitraryBytesNeverMakeTheParserThrow(@ForAll @Size(max = 2048) byte[] bytes) {
    Note note = PARSER.parse("fuzz.md", bytes);

    assertThat(note).isNotNull();
    note.problems().forEach(p -> assertThat(p.message()).isNotBlank());
  }

  @Property(tries = 400)
  void notesOfHostileFragmentsParseAndEditWithoutThrowing(
      @ForAll("notes") String text, @ForAll("garbage") byte[] tail) {
    byte[] bytes = concat(text.getBytes(StandardCharsets.UTF_8), tail);
    Note note = PARSER.parse("fuzz.md", bytes);
    assertThat(note).isNotNull();
    if (note.hasErrors()) {
      assertThat(note.problems())
          .anyMatch(p -> p.severity() == NoteProblem.Severity.ERROR && !p.message().isBlank());
      return;
    }
    String before = note.text();
    String inserted;
    try {
      inserted = NoteEditor.insertEntry(note, "- 2026-03-01: [[Fuzz call]] - inserted");
    } catch (IllegalStateException refused) {
      // The documented refusal of an edit that would not read back: the note is left alone.
      assertThat(refused.getMessage()).contains("fuzz.md");
      return;
    }
    assertThat(oneSpanAdded(before, inserted)).as(before).isTrue();
    assertThat(PARSER.parse("fuzz.md", inserted).hasErrors()).isFalse();
    if (note.frontMatter().isPresent()) {
      try {
        String edited = NoteEditor.setFrontMatterScalar(note, "last_contact", "2026-03-01");
        assertThat(PARSER.parse("fuzz.md", edited).hasErrors()).as(edited).isFalse();
      } catch (IllegalStateException | IllegalArgumentException refused) {
        // Documented refusals: a key holding a list or map, or a result that would not read back.
        assertThat(refused.getMessage()).isNotBlank();
      }
    }
  }

  @Provide
  Arbitrary<String> notes() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<byte[]> garbage() {
    return Arbitraries.oneOf(
        Arbitraries.just(new byte[0]), Arbitraries.bytes().array(byte[].class).ofMaxSize(16));
  }

  /** Whether {@code after} is {@code before} with one contiguous span added. */
  private static boolean oneSpanAdded(String before, String after) {
    int prefix = 0;
    while (prefix < before.length() && before.charAt(prefix) == after.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < before.length() - prefix
        && before.charAt(before.length() - 1 - suffix)
            == after.charAt(after.length() - 1 - suffix)) {
      suffix++;
    }
    return after.length() > before.length() && prefix + suffix == before.length();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
