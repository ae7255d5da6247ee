package com.vaultcrmsync.vault.edit;

import com.vaultcrmsync.vault.ContextEntry;
import com.vaultcrmsync.vault.FrontMatter;
import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.NoteProblem;
import com.vaultcrmsync.vault.Section;
import com.vaultcrmsync.vault.parse.FrontMatterValue;
import com.vaultcrmsync.vault.parse.LineIndex;
import com.vaultcrmsync.vault.parse.NoteParser;
import com.vaultcrmsync.vault.parse.RecentContextParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Several edits to one note, applied in one go. Every edit is located by offsets of the note's
 * original text and spliced in; all other chars stay as they were (line endings, BOM, trailing
 * spaces, a missing final newline). New lines use the note's line ending. Applying no edit, or
 * edits that change nothing, gives back a string equal to the original text.
 *
 * <p>A note with errors cannot be edited. Not thread-safe; use one instance per write.
 */
public final class NoteEdit {
  /** The heading line of the section the sync owns. */
  public static final String RECENT_CONTEXT_HEADING = "## " + NoteParser.RECENT_CONTEXT;

  private static final NoteParser CHECKER = new NoteParser();

  private final Note note;
  private final LineIndex lines;
  private final String eol;
  private final Map<String, String> scalars = new LinkedHashMap<>();
  private final List<Insert> inserts = new ArrayList<>();
  private final Map<Integer, String> replacements = new TreeMap<>();
  private final Map<Integer, ContextEntry> removals = new TreeMap<>();

  private record Insert(String line, LocalDate date, int seq) {}

  /**
   * Replaces {@code [start, end)} of the original text. {@code order} breaks ties at one offset:
   * front matter (0), then inserted lines (1), then a replaced entry line starting there (2).
   */
  private record Splice(int start, int end, int order, String text) {}

  private NoteEdit(Note note) {
    if (note.hasErrors()) {
      throw new IllegalStateException(
          note.relativePath() + " has errors and must not be edited: " + note.problems());
    }
    this.note = note;
    this.lines = new LineIndex(note.text());
    this.eol = note.lineEnding().chars();
  }

  /** Starts an edit of {@code note}. */
  public static NoteEdit of(Note note) {
    return new NoteEdit(note);
  }

  /**
   * Sets a top-level front matter scalar, keeping its quoting style and any trailing {@code #
   * comment}. An absent key is added before the closing fence; a note without front matter gets one
   * at its start (after a BOM). Setting a key twice keeps the last value.
   *
   * @throws IllegalArgumentException when the value has a line break or the key holds a list, a map
   *     or a multi-line value
   */
  public NoteEdit setFrontMatterScalar(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    requireOneLine(key, "key");
    requireOneLine(value, "value");
    if (key.isBlank()) {
      throw new IllegalArgumentException("front matter key must not be blank");
    }
    note.frontMatter().ifPresent(fm -> FrontMatterValue.find(note.text(), lines, fm, key));
    scalars.put(key, value);
    return this;
  }

  /**
   * Inserts an entry line into {@code ## Recent Context} at the position of its date (taken from
   * the line): undated entries after the existing undated ones (which come first), dated ones
   * before the first older entry, i.e. after the existing entries of the same date. The section is
   * created after the H1 title when missing.
   *
   * @param line one entry line without line terminator, e.g. {@code - 2026-01-15: Call - Notes}
   * @throws IllegalArgumentException when {@code line} is not an entry of the grammar
   */
  public NoteEdit insertEntry(String line) {
    return insertEntry(line, parseEntry(line).date());
  }

  /** Like {@link #insertEntry(String)}, positioned by {@code date} (null: undated). */
  public NoteEdit insertEntry(String line, LocalDate date) {
    requireOneLine(line, "entry line");
    parseEntry(line);
    inserts.add(new Insert(line, date, inserts.size()));
    return this;
  }

  /**
   * Replaces the first line of {@code entry} (its continuation lines stay).
   *
   * @throws IllegalArgumentException when the entry is not one of this note's entries
   */
  public NoteEdit replaceEntryLine(ContextEntry entry, String newLine) {
    requireOneLine(newLine, "entry line");
    String text = note.text();
    if (entry.start() < 0
        || entry.lineEnd() > text.length()
        || !text.substring(entry.start(), entry.lineEnd()).equals(entry.raw())) {
      throw new IllegalArgumentException(
          "line " + entry.line() + " is not an entry of " + note.relativePath());
    }
    replacements.put(entry.start(), newLine);
    return this;
  }

  /**
   * Removes {@code entry}: its line, its continuation lines and their terminators.
   *
   * @throws IllegalArgumentException when the entry is not one of this note's entries
   */
  public NoteEdit removeEntry(ContextEntry entry) {
    String text = note.text();
    if (entry.start() < 0
        || entry.end() > text.length()
        || !text.substring(entry.start(), entry.lineEnd()).equals(entry.raw())) {
      throw new IllegalArgumentException(
          "line " + entry.line() + " is not an entry of " + note.relativePath());
    }
    removals.put(entry.start(), entry);
    return this;
  }

  /**
   * The edited text; equal to the original when nothing changed.
   *
   * @throws IllegalStateException when the result would not read back as intended (the edit is
   *     refused; the caller leaves the note as it was)
   */
  public String apply() {
    List<Splice> splices = new ArrayList<>();
    frontMatterSplices(splices);
    entrySplices(splices);
    replacements.forEach(
        (start, line) -> {
          ContextEntry e =
              note.entries().stream().filter(x -> x.start() == start).findFirst().orElseThrow();
          splices.add(new Splice(e.start(), e.lineEnd(), 2, line));
        });
    removals.forEach((start, e) -> splices.add(new Splice(e.start(), e.end(), 2, "")));
    splices.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::order));
    String text = note.text();
    StringBuilder out = new StringBuilder(text.length() + 256);
    int pos = 0;
    for (Splice s : splices) {
      if (s.start() < pos) {
        throw new IllegalStateException("overlapping edits at offset " + s.start());
      }
      out.append(text, pos, s.start()).append(s.text());
      pos = s.end();
    }
    out.append(text, pos, text.length());
    String result = out.toString();
    if (result.equals(text)) {
      return text;
    }
    verify(result);
    return result;
  }

  /** Re-reads the result: an edit that breaks the note or does not read back is refused. */
  private void verify(String result) {
    Note edited = CHECKER.parse(note.relativePath(), result);
    if (edited.hasErrors()) {
      throw new IllegalStateException(
          "editing " + note.relativePath() + " would break it: " + edited.problems());
    }
    scalars.forEach(
        (key, value) -> {
          String read = edited.frontMatter().map(fm -> fm.string(key)).orElse(null);
          if (!value.equals(read)) {
            throw new IllegalStateException(
                "front matter "
                    + key
                    + " of "
                    + note.relativePath()
                    + " would read back as "
                    + read);
          }
        });
    if (edited.entries().size() != note.entries().size() + inserts.size() - removals.size()) {
      throw new IllegalStateException(
          "inserting entries into " + note.relativePath() + " would not read back as entries");
    }
  }

  private void frontMatterSplices(List<Splice> splices) {
    if (scalars.isEmpty()) {
      return;
    }
    Optional<FrontMatter> frontMatter = note.frontMatter();
    StringBuilder added = new StringBuilder();
    for (Map.Entry<String, String> kv : scalars.entrySet()) {
      FrontMatterValue.Span span =
          frontMatter
              .map(fm -> FrontMatterValue.find(note.text(), lines, fm, kv.getKey()))
              .orElse(null);
      if (span == null) {
        added
            .append(FrontMatterValue.renderKey(kv.getKey()))
            .append(": ")
            .append(FrontMatterValue.render(kv.getValue(), FrontMatterValue.Style.PLAIN))
            .append(eol);
      } else {
        String rendered = FrontMatterValue.render(kv.getValue(), span.style());
        splices.add(
            new Splice(span.start(), span.end(), 0, span.padBefore() ? " " + rendered : rendered));
      }
    }
    if (added.length() > 0) {
      if (frontMatter.isPresent()) {
        splices.add(
            new Splice(
                frontMatter.get().bodyEnd(), frontMatter.get().bodyEnd(), 0, added.toString()));
      } else {
        int at = bodyFrom();
        splices.add(new Splice(at, at, 0, "---" + eol + added + "---" + eol));
      }
    }
  }

  private void entrySplices(List<Splice> splices) {
    if (inserts.isEmpty()) {
      return;
    }
    Optional<Section> section = note.section(NoteParser.RECENT_CONTEXT);
    if (section.isEmpty()) {
      splices.add(createSection(sorted(inserts)));
      return;
    }
    List<ContextEntry> entries = note.entries();
    if (entries.isEmpty()) {
      splices.add(intoEmptySection(section.get(), sorted(inserts)));
      return;
    }
    Map<Integer, List<Insert>> byOffset = new TreeMap<>();
    for (Insert insert : inserts) {
      byOffset
          .computeIfAbsent(offsetFor(insert.date(), entries), k -> new ArrayList<>())
          .add(insert);
    }
    byOffset.forEach(
        (at, group) -> splices.add(new Splice(at, at, 1, block(at, "", sorted(group), false))));
  }

  /** Before the first entry that sorts after the new one; else after the last entry. */
  private static int offsetFor(LocalDate date, List<ContextEntry> entries) {
    for (ContextEntry e : entries) {
      if (e.date() != null && (date == null || e.date().isBefore(date))) {
        return e.start();
      }
    }
    return entries.get(entries.size() - 1).end();
  }

  /**
   * The section right after the H1 title, one blank line below it; without an H1, right after the
   * front matter (or at the start), with no blank line before it, so that the result does not
   * depend on whether the front matter is created before or after.
   */
  private Splice createSection(List<String> entryLines) {
    String text = note.text();
    Optional<Section> title = note.sections().stream().filter(s -> s.level() == 1).findFirst();
    int at =
        title
            .map(Section::bodyStart)
            .orElseGet(() -> note.frontMatter().map(FrontMatter::end).orElseGet(this::bodyFrom));
    String body = RECENT_CONTEXT_HEADING + eol + eol + String.join(eol, entryLines);
    String prefix = title.isPresent() ? eol : "";
    if (at == text.length() && at > bodyFrom() && !endsWithBreak(text)) {
      return new Splice(at, at, 1, eol + prefix + body);
    }
    return new Splice(at, at, 1, prefix + body + eol + separator(at));
  }

  /**
   * Entries at the top of an existing section without entries, one blank line after the heading.
   */
  private Splice intoEmptySection(Section section, List<String> entryLines) {
    int at = section.bodyStart();
    String prefix = eol;
    if (at < section.end() && lines.isBlank(lines.lineOf(at))) {
      at = lines.next(lines.lineOf(at));
      prefix = "";
    }
    return new Splice(at, at, 1, block(at, prefix, entryLines, true));
  }

  /**
   * Lines inserted at a line start, or at the end of a text without a final line break (which stays
   * without one). {@code separate}: add a blank line when non-blank text follows.
   */
  private String block(int at, String prefix, List<String> entryLines, boolean separate) {
    String text = note.text();
    String joined = String.join(eol, entryLines);
    if (at == text.length() && at > bodyFrom() && !endsWithBreak(text)) {
      return eol + prefix + joined;
    }
    return prefix + joined + eol + (separate ? separator(at) : "");
  }

  /** A blank line when non-blank text follows {@code at}, so the new list does not run into it. */
  private String separator(int at) {
    String text = note.text();
    return at < text.length() && !lines.isBlank(lines.lineOf(at)) ? eol : "";
  }

  private int bodyFrom() {
    return note.text().startsWith("\uFEFF") ? 1 : 0;
  }

  private static boolean endsWithBreak(String text) {
    return text.endsWith("\n") || text.endsWith("\r");
  }

  private static List<String> sorted(List<Insert> group) {
    return group.stream()
        .sorted(
            Comparator.comparing((Insert i) -> i.date() != null)
                .thenComparing(Insert::date, Comparator.nullsFirst(Comparator.reverseOrder()))
                .thenComparingInt(Insert::seq))
        .map(Insert::line)
        .toList();
  }

  private static ContextEntry parseEntry(String line) {
    List<NoteProblem> problems = new ArrayList<>();
    ContextEntry entry = RecentContextParser.entry(line, 1, 0, line.length(), problems);
    if (entry == null || !problems.isEmpty()) {
      throw new IllegalArgumentException("not a Recent Context entry: " + line);
    }
    return entry;
  }

  private static void requireOneLine(String s, String what) {
    if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(what + " must be one line: " + s);
    }
  }
}
