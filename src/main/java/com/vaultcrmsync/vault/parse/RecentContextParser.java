package com.vaultcrmsync.vault.parse;

import com.vaultcrmsync.vault.ContextEntry;
import com.vaultcrmsync.vault.NoteProblem;
import com.vaultcrmsync.vault.Section;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the entries of a {@code ## Recent Context} section, line by line, without regular
 * expressions. The grammar (design §2):
 *
 * <pre>
 * - &lt;YYYY-MM-DD|unknown&gt;: &lt;[[target#heading|alias]] or plain text&gt;[ - summary][ (via source)][ ^sf-&lt;18-char id&gt;]
 * </pre>
 *
 * <p>Indented lines under an entry belong to it (its {@code end} covers them). Any other non-blank
 * line is kept and reported as a WARNING; so is an impossible date such as {@code 2025-02-30}: the
 * entry is kept with {@code date == null}, i.e. it is treated as undated and never becomes an
 * activity.
 */
public final class RecentContextParser {
  /** Length of a Salesforce 18-character id. */
  public static final int CRM_ID_LENGTH = 18;

  private static final String CRM_ID_PREFIX = " ^sf-";
  private static final String VIA = "(via ";

  private RecentContextParser() {}

  /**
   * The entries of {@code section}; lines inside {@code opaque} ranges (code and HTML blocks, as
   * start/end offset pairs) are never entries.
   */
  static List<ContextEntry> parse(
      String text,
      LineIndex lines,
      Section section,
      List<int[]> opaque,
      List<NoteProblem> problems) {
    List<ContextEntry> entries = new ArrayList<>();
    if (section.bodyStart() >= section.end()) {
      return entries;
    }
    ContextEntry open = null;
    int first = lines.lineOf(section.bodyStart());
    int opaqueIndex = 0;
    for (int line = first; line <= lines.lineCount() && lines.start(line) < section.end(); line++) {
      int start = lines.start(line);
      while (opaqueIndex < opaque.size() && opaque.get(opaqueIndex)[1] <= start) {
        opaqueIndex++;
      }
      if (opaqueIndex < opaque.size() && opaque.get(opaqueIndex)[0] <= start) {
        int[] block = opaque.get(opaqueIndex);
        int last = lines.lineOf(Math.max(block[0], block[1] - 1));
        String where = last == line ? "line " + line : "lines " + line + "-" + last;
        problems.add(
            warning(
                where + " of Recent Context: a code or HTML block, not entries (kept as is)",
                line));
        open = null;
        line = last;
        continue;
      }
      if (lines.isBlank(line)) {
        continue;
      }
      char c = text.charAt(start);
      if ((c == ' ' || c == '\t') && open != null) {
        open = withEnd(open, lines.next(line));
        entries.set(entries.size() - 1, open);
        continue;
      }
      ContextEntry entry =
          entry(text, line, start, lines.contentEnd(line), lines.next(line), problems);
      if (entry == null) {
        problems.add(
            warning(
                "line "
                    + line
                    + " of Recent Context is not an entry (kept as is): "
                    + excerpt(text, start, lines.contentEnd(line)),
                line));
        open = null;
        continue;
      }
      open = entry;
      entries.add(open);
    }
    return entries;
  }

  /** Parses one line as an entry, or returns null when it is not one. */
  public static ContextEntry entry(
      String text, int line, int start, int contentEnd, List<NoteProblem> problems) {
    return entry(text, line, start, contentEnd, contentEnd, problems);
  }

  /**
   * As {@link #entry(String, int, int, int, List)}, the entry ending at {@code entryEnd}. Works on
   * offsets into {@code text}; only the fields are copied out.
   */
  private static ContextEntry entry(
      String text, int line, int start, int contentEnd, int entryEnd, List<NoteProblem> problems) {
    int end = contentEnd;
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end - start < 4 || text.charAt(start) != '-' || text.charAt(start + 1) != ' ') {
      return null;
    }
    int p = start + 1;
    while (p < end && text.charAt(p) == ' ') {
      p++;
    }
    int dateStart = p;
    LocalDate date = null;
    if (text.regionMatches(true, p, "unknown", 0, 7)) {
      p += 7;
    } else if (IsoDates.hasShape(text, p, end)) {
      p += 10;
      try {
        date = IsoDates.at(text, dateStart);
      } catch (DateTimeException e) {
        problems.add(
            warning(
                "line "
                    + line
                    + " has an impossible date "
                    + text.substring(dateStart, p)
                    + ": the entry is kept and treated as undated",
                line));
      }
    } else {
      return null;
    }
    if (p + 1 >= end || text.charAt(p) != ':' || text.charAt(p + 1) != ' ') {
      return null;
    }
    // The body is text[from, to), stripped; each trailing part found is cut off its end.
    int from = skipBlanks(text, p + 2, end);
    int to = end;
    String crmId = null;
    int idAt = to - CRM_ID_LENGTH - CRM_ID_PREFIX.length();
    if (idAt >= from
        && text.startsWith(CRM_ID_PREFIX, idAt)
        && isAlphanumeric(text, idAt + CRM_ID_PREFIX.length(), to)) {
      crmId = text.substring(idAt + CRM_ID_PREFIX.length(), to);
      to = trimBlanks(text, from, idAt);
    }
    String via = null;
    int viaAt = to > from && text.charAt(to - 1) == ')' ? lastIndexOf(text, VIA, from, to) : -1;
    if (viaAt >= 0 && (viaAt == from || text.charAt(viaAt - 1) == ' ')) {
      via = stripped(text, viaAt + VIA.length(), to - 1);
      to = trimBlanks(text, from, viaAt);
    }
    String target = null;
    String alias = null;
    String heading = null;
    String plain = null;
    String summary;
    int close =
        to - from >= 2 && text.startsWith("[[", from) ? indexOf(text, "]]", from + 2, to) : -1;
    if (close > from + 2) {
      int linkEnd = close;
      int pipe = indexOf(text, '|', from + 2, linkEnd);
      if (pipe >= 0) {
        alias = text.substring(pipe + 1, linkEnd);
        linkEnd = pipe;
      }
      int hash = indexOf(text, '#', from + 2, linkEnd);
      if (hash >= 0) {
        heading = text.substring(hash + 1, linkEnd);
        linkEnd = hash;
      }
      target = stripped(text, from + 2, linkEnd);
      int after = skipBlanks(text, close + 2, to);
      if (after < to
          && text.charAt(after) == '-'
          && (after + 1 == to || text.charAt(after + 1) == ' ')) {
        after = skipBlanks(text, after + 1, to);
      }
      summary = text.substring(after, to);
    } else {
      int sep = indexOf(text, " - ", from, to);
      plain = stripped(text, from, sep >= 0 ? sep : to);
      summary = sep >= 0 ? stripped(text, sep + 3, to) : "";
      if (plain.isEmpty()) {
        return null;
      }
    }
    return new ContextEntry(
        line,
        start,
        contentEnd,
        entryEnd,
        text.substring(start, contentEnd),
        text.substring(dateStart, p),
        date,
        target,
        alias,
        heading,
        plain,
        summary.isEmpty() ? null : summary,
        via == null || via.isEmpty() ? null : via,
        crmId);
  }

  /** First offset in [from, to) that is not white space, or {@code to}. */
  private static int skipBlanks(String text, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    return from;
  }

  /** {@code to} moved back over white space, not before {@code from}. */
  private static int trimBlanks(String text, int from, int to) {
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  /** text[from, to) without leading and trailing white space, as {@link String#strip()}. */
  private static String stripped(String text, int from, int to) {
    int f = skipBlanks(text, from, to);
    return text.substring(f, trimBlanks(text, f, to));
  }

  /** First offset of {@code c} in [from, to), or -1; never looks past {@code to}. */
  private static int indexOf(String text, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** First offset where {@code s} lies wholly in [from, to), or -1. */
  private static int indexOf(String text, String s, int from, int to) {
    for (int i = from, last = to - s.length(); i <= last; i++) {
      if (text.charAt(i) == s.charAt(0) && text.startsWith(s, i)) {
        return i;
      }
    }
    return -1;
  }

  /** Last offset where {@code s} lies wholly in [from, to), or -1. */
  private static int lastIndexOf(String text, String s, int from, int to) {
    for (int i = to - s.length(); i >= from; i--) {
      if (text.charAt(i) == s.charAt(0) && text.startsWith(s, i)) {
        return i;
      }
    }
    return -1;
  }

  private static ContextEntry withEnd(ContextEntry e, int end) {
    return new ContextEntry(
        e.line(),
        e.start(),
        e.lineEnd(),
        end,
        e.raw(),
        e.dateText(),
        e.date(),
        e.target(),
        e.alias(),
        e.heading(),
        e.text(),
        e.summary(),
        e.via(),
        e.crmId());
  }

  private static boolean isAlphanumeric(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  private static String excerpt(String text, int start, int end) {
    return end - start <= 60 ? text.substring(start, end) : text.substring(start, start + 60) + "…";
  }

  private static NoteProblem warning(String message, int line) {
    return new NoteProblem(NoteProblem.Severity.WARNING, message, line);
  }
}
