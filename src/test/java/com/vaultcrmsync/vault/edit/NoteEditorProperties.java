package com.vaultcrmsync.vault.edit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.vault.ContextEntry;
import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.RandomNotes;
import com.vaultcrmsync.vault.parse.NoteParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Proves that random notes survive random edit sequences: each edit changes only the bytes it owns
 * (everything else identical, line endings, BOM and missing final newline included), the result
 * reads back without errors, and one batched {@link NoteEdit} equals the edits applied one by one.
 */
class NoteEditorProperties {
  private static final NoteParser PARSER = new NoteParser();

  @Property(tries = 300)
  void randomEditsChangeOnlyOwnedBytes(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int edits) {
    Random random = new Random(seed);
    String original = RandomNotes.note(random);
    Note note = PARSER.parse("n.md", original);
    assertThat(note.hasErrors()).as(original).isFalse();
    String eol = note.lineEnding().chars();
    NoteEdit batch = NoteEdit.of(note);
    Note current = note;
    for (int i = 0; i < edits; i++) {
      String before = current.text();
      String after;
      int kind = random.nextInt(4);
      if (kind == 0) {
        String key = random.nextBoolean() ? "last_contact" : "salesforce_id";
        String value =
            key.equals("last_contact")
                ? RandomNotes.date(random).toString()
                : RandomNotes.id(random);
        after = NoteEditor.setFrontMatterScalar(current, key, value);
        batch.setFrontMatterScalar(key, value);
        assertOnlyScalarChanged(before, after, key, value, eol);
      } else if (kind == 3 && !current.entries().isEmpty()) {
        ContextEntry entry = current.entries().get(random.nextInt(current.entries().size()));
        if (note.entries().stream().noneMatch(e -> e.raw().equals(entry.raw()))) {
          continue;
        }
        String line = "- " + entry.dateText() + ": [[Replaced " + i + "]] - new summary";
        after = NoteEditor.replaceEntryLine(current, entry, line);
        ContextEntry inOriginal =
            note.entries().stream().filter(e -> e.raw().equals(entry.raw())).findFirst().get();
        batch.replaceEntryLine(inOriginal, line);
        assertOnlyLineReplaced(before, after, entry, line);
      } else {
        LocalDate date = random.nextInt(4) == 0 ? null : RandomNotes.date(random);
        String line =
            "- " + (date == null ? "unknown" : date) + ": [[Inserted " + i + "]] - summary " + i;
        after = NoteEditor.insertEntry(current, line);
        batch.insertEntry(line);
        assertOnlyInserted(before, after, line, eol);
      }
      current = PARSER.parse("n.md", after);
      assertThat(current.hasErrors()).as(after).isFalse();
      assertThat(current.text().startsWith("\uFEFF")).isEqualTo(original.startsWith("\uFEFF"));
      assertThat(current.text().endsWith("\n"))
          .isEqualTo(original.endsWith("\n") || original.length() == bomLength(original));
    }
    assertThat(batch.apply()).isEqualTo(current.text());
  }

  /** Every line but the key's is identical; the key line keeps its key and trailing comment. */
  private static void assertOnlyScalarChanged(
      String before, String after, String key, String value, String eol) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    if (a.size() == b.size()) {
      int differing = 0;
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).equals(b.get(i))) {
          differing++;
          assertThat(b.get(i)).startsWith(key + ":").contains(value);
          int comment = a.get(i).indexOf(" #");
          if (comment > 0) {
            assertThat(b.get(i)).endsWith(a.get(i).substring(comment));
          }
        }
      }
      assertThat(differing).isLessThanOrEqualTo(1);
    } else {
      String added = key + ": " + value + eol;
      int at = after.indexOf(added);
      assertThat(at).as(after).isGreaterThanOrEqualTo(0);
      String removed = after.substring(0, at) + after.substring(at + added.length());
      String fence = "---" + eol;
      boolean created = removed.startsWith(fence + fence, bomLength(removed));
      if (created) {
        removed =
            removed.substring(0, bomLength(removed))
                + removed.substring(bomLength(removed) + 2 * fence.length());
      }
      assertThat(removed).isEqualTo(before);
    }
  }

  private static void assertOnlyLineReplaced(
      String before, String after, ContextEntry entry, String line) {
    assertThat(after)
        .isEqualTo(before.substring(0, entry.start()) + line + before.substring(entry.lineEnd()));
  }

  /**
   * The result is the original with one insertion made of the entry line, line breaks and (when the
   * section was missing) its heading.
   */
  private static void assertOnlyInserted(String before, String after, String line, String eol) {
    assertThat(after.replace("\r\n", "").indexOf('\n') < 0)
        .isEqualTo(eol.equals("\r\n") || !after.contains("\n"));
    int at = after.indexOf(line);
    assertThat(at).isGreaterThanOrEqualTo(0);
    String heading = NoteEdit.RECENT_CONTEXT_HEADING + eol;
    for (int a = at; a >= Math.max(0, at - heading.length() - 3 * eol.length()); a--) {
      String owned = after.substring(a, at);
      if (!owned.replace(heading, "").replace(eol, "").isEmpty()) {
        continue;
      }
      for (int b = at + line.length();
          b <= Math.min(after.length(), at + line.length() + 2 * eol.length());
          b++) {
        if (after.substring(at + line.length(), b).replace(eol, "").isEmpty()
            && (after.substring(0, a) + after.substring(b)).equals(before)) {
          return;
        }
      }
    }
    throw new AssertionError(
        "not a clean insertion of " + line + "\nbefore:\n" + before + "\nafter:\n" + after);
  }

  private static int bomLength(String s) {
    return s.startsWith("\uFEFF") ? 1 : 0;
  }

  /** Lines with their terminators. */
  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', start)) {
      out.add(s.substring(start, i + 1));
      start = i + 1;
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }
}
