package com.vaultcrmsync.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.vault.parse.NoteParser;
import com.vaultcrmsync.vault.parse.RecentContextParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Proves any parts, however awkward, become one entry line that reads back with those parts. */
class EntryLineProperties {
  @Provide
  Arbitrary<String> awkward() {
    return Arbitraries.of(
            "a",
            " - ",
            "-",
            "(via ",
            ")",
            "(",
            "[[",
            "]]",
            "|",
            "#",
            "^sf-",
            "00T5e00000AbCdEFGH",
            " ",
            "\n",
            "\t",
            "\u201C",
            "\u2019",
            "...",
            "unknown",
            "2025-01-01",
            ":",
            "x y")
        .list()
        .ofMaxSize(8)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> crmIds() {
    return Arbitraries.strings().alpha().numeric().ofLength(18).injectNull(0.5);
  }

  @Example
  void aSubjectEndingInAnOpenViaDoesNotSwallowTheSummary() {
    String line = EntryLine.text(LocalDate.of(2026, 1, 15), "(via", ")", null, null);

    ContextEntry read = RecentContextParser.entry(line, 1, 0, line.length(), new ArrayList<>());
    assertThat(read.text()).isEqualTo("(via:");
    assertThat(read.summary()).isEqualTo(")");
    assertThat(read.via()).isNull();
  }

  @Property(tries = 1000)
  void plainTextEntriesReadBack(
      @ForAll("awkward") String text,
      @ForAll("awkward") String summary,
      @ForAll("awkward") String via,
      @ForAll("crmIds") String crmId,
      @ForAll boolean dated) {
    LocalDate date = dated ? LocalDate.of(2026, 1, 15) : null;
    if (EntryLine.clean(text).isEmpty()) {
      return;
    }
    String line = EntryLine.text(date, text, summary, via, crmId);

    ContextEntry read = RecentContextParser.entry(line, 1, 0, line.length(), new ArrayList<>());
    assertThat(read).isNotNull();
    assertThat(read.raw()).doesNotContain("\n").doesNotContain("\r");
    assertThat(read.date()).isEqualTo(date);
    assertThat(read.crmId()).isEqualTo(crmId);
    assertThat(read.text()).isNotEmpty();
  }

  @Property(tries = 1000)
  void linkEntriesReadBack(
      @ForAll("awkward") String target,
      @ForAll("awkward") String heading,
      @ForAll("awkward") String alias,
      @ForAll("awkward") String summary,
      @ForAll("crmIds") String crmId) {
    if (EntryLine.clean(target)
        .replace("#", "")
        .replace("]", "")
        .replace("[", "")
        .replace("|", "")
        .isBlank()) {
      return;
    }
    String line = EntryLine.link(null, target, heading, alias, summary, null, crmId);

    Note note = new NoteParser().parse("n.md", "## Recent Context\n" + line + "\n");
    assertThat(note.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.target()).isNotBlank();
              assertThat(e.crmId()).isEqualTo(crmId);
              assertThat(e.via()).isNull();
            });
    assertThat(note.problems()).isEmpty();
  }

  @Property(tries = 50)
  void theSalesforceExampleOfTheDesignIsWrittenAsDesigned(@ForAll boolean unused) {
    assertThat(
            EntryLine.text(
                LocalDate.of(2026, 1, 15),
                "Quarterly review call",
                "Discussed renewal",
                "Salesforce: Dana Lee",
                "00T5e00000AbCdEFGH"))
        .isEqualTo(
            "- 2026-01-15: Quarterly review call - Discussed renewal (via Salesforce: Dana Lee) ^sf-00T5e00000AbCdEFGH");
    assertThat(
            EntryLine.link(
                LocalDate.of(2025, 12, 19), "2025-12-19", null, null, "Talk", "Jeff", null))
        .isEqualTo("- 2025-12-19: [[2025-12-19]] - Talk (via Jeff)");
    assertThat(List.of(EntryLine.clean("  a \n b  "))).containsExactly("a b");
  }
}
