package com.vaultcrmsync.vault;

import com.vaultcrmsync.vault.parse.IsoDates;
import com.vaultcrmsync.vault.parse.NoteParser;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One parsed Markdown note, immutable. {@code text} is the exact decoded content of the file,
 * including a leading BOM character ({@code \uFEFF}) when the file has one, so every offset in the
 * model is a char index into {@code text} and encoding {@code text} as UTF-8 gives back the file's
 * bytes.
 *
 * @param relativePath the path relative to the vault root with {@code /} separators
 * @param text the exact content
 * @param lineEnding the line ending the note mostly uses (new lines are written with it)
 * @param frontMatter the YAML front matter, absent when the note has none or it could not be parsed
 * @param title front matter {@code title}, else the first H1, else the file name without {@code
 *     .md}
 * @param sections every ATX/Setext heading outside code, in document order
 * @param entries the entries of the {@code ## Recent Context} section, in document order
 * @param problems errors and warnings found while parsing; a note with any error must not be edited
 */
public record Note(
    String relativePath,
    String text,
    LineEnding lineEnding,
    Optional<FrontMatter> frontMatter,
    String title,
    List<Section> sections,
    List<ContextEntry> entries,
    List<NoteProblem> problems) {

  public Note {
    sections = List.copyOf(sections);
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }

  /** True when the note has a problem of severity ERROR: it is reported and never edited. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == NoteProblem.Severity.ERROR);
  }

  /**
   * The front matter {@code last_contact} as a date; empty when it is {@code unknown}, missing or
   * not a {@code YYYY-MM-DD} date.
   */
  public Optional<LocalDate> lastContact() {
    String value = frontMatter.map(fm -> fm.string(NoteParser.LAST_CONTACT)).orElse(null);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(IsoDates.parse(value.strip()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The first section whose heading text equals {@code title} (case-insensitive). */
  public Optional<Section> section(String title) {
    return sections.stream().filter(s -> s.title().equalsIgnoreCase(title)).findFirst();
  }
}
