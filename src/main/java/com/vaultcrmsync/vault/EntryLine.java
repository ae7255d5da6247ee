package com.vaultcrmsync.vault;

import com.vaultcrmsync.vault.parse.RecentContextParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes one {@code ## Recent Context} entry line that reads back with exactly the parts given
 * (after {@link #clean}): {@code - <date|unknown>: <[[target#heading|alias]] or text>[ - summary][
 * (via source)][ ^sf-<id>]}. Parts are made safe for the grammar first: line breaks and runs of
 * blanks become one space, {@code " - "} in a plain-text subject becomes {@code " – "} (so it is
 * not taken for the summary separator), {@code "(via "} inside a summary becomes {@code "(via: "},
 * and brackets, pipes and hashes that would end a link early are replaced.
 */
public final class EntryLine {
  private EntryLine() {}

  /** A plain-text entry, e.g. {@code - 2026-01-15: Call - Notes (via Salesforce: Dana) ^sf-…}. */
  public static String text(LocalDate date, String text, String summary, String via, String crmId) {
    String subject = safe(clean(text));
    while (subject.contains(" - ")) {
      subject = subject.replace(" - ", " \u2013 ");
    }
    if (subject.startsWith("[[")) {
      subject = "[ [" + subject.substring(2);
    }
    if (subject.endsWith(" -")) {
      subject = subject.substring(0, subject.length() - 1) + "\u2013";
    }
    if (subject.isEmpty()) {
      throw new IllegalArgumentException("an entry needs a subject");
    }
    String line = build(date, subject, summary, via, crmId);
    requireReadBack(line, read(line).text(), subject);
    return line;
  }

  /** A wikilink entry; {@code heading} and {@code alias} may be null. */
  public static String link(
      LocalDate date,
      String target,
      String heading,
      String alias,
      String summary,
      String via,
      String crmId) {
    String t = linkPart(target, true);
    if (t.isEmpty()) {
      throw new IllegalArgumentException("a link entry needs a target");
    }
    StringBuilder link = new StringBuilder("[[").append(t);
    if (heading != null && !linkPart(heading, false).isEmpty()) {
      link.append('#').append(linkPart(heading, false));
    }
    if (alias != null && !linkPart(alias, false).isEmpty()) {
      link.append('|').append(linkPart(alias, false));
    }
    String line = build(date, link.append("]]").toString(), summary, via, crmId);
    ContextEntry read = read(line);
    requireReadBack(line, read.target(), t);
    requireReadBack(
        line, read.heading(), blankToNull(heading == null ? "" : linkPart(heading, false)));
    requireReadBack(line, read.alias(), blankToNull(alias == null ? "" : linkPart(alias, false)));
    return line;
  }

  /** A part as it will read back: one line, single spaces, no leading or trailing blanks. */
  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean blank = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        blank = sb.length() > 0;
      } else {
        if (blank) {
          sb.append(' ');
          blank = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String build(
      LocalDate date, String subject, String summary, String via, String crmId) {
    List<String> parts = new ArrayList<>();
    parts.add("- " + (date == null ? "unknown" : date.toString()) + ": " + subject);
    String s = safe(clean(summary));
    if (s.startsWith("- ") || s.equals("-")) {
      s = s.substring(1).strip();
    }
    if (!s.isEmpty()) {
      parts.add("- " + s);
    }
    String v = clean(via);
    if (!v.isEmpty()) {
      parts.add("(via " + v.replace("(via ", "(via: ") + ")");
    }
    if (crmId != null) {
      if (crmId.length() != RecentContextParser.CRM_ID_LENGTH
          || !crmId.chars().allMatch(EntryLine::isIdChar)) {
        throw new IllegalArgumentException("not an 18-character Salesforce id: " + crmId);
      }
      parts.add("^sf-" + crmId);
    }
    String line = String.join(" ", parts);
    ContextEntry read = read(line);
    requireReadBack(line, read.crmId(), crmId);
    requireReadBack(line, read.via(), blankToNull(v.replace("(via ", "(via: ")));
    requireReadBack(line, read.summary(), blankToNull(s));
    requireReadBack(line, read.date(), date);
    return line;
  }

  /** Keeps text from being read as a via part or a CRM block id. */
  private static String safe(String s) {
    String t = s.replace("(via ", "(via: ").replace("^sf-", "^ sf-");
    // A part ending in "(via" would open a via part with whatever the next part brings.
    return t.endsWith("(via") ? t + ":" : t;
  }

  private static ContextEntry read(String line) {
    List<NoteProblem> problems = new ArrayList<>();
    ContextEntry read = RecentContextParser.entry(line, 1, 0, line.length(), problems);
    if (read == null || !problems.isEmpty()) {
      throw new IllegalArgumentException("these parts cannot be written as one entry: " + line);
    }
    return read;
  }

  private static void requireReadBack(String line, Object read, Object written) {
    if (!Objects.equals(read, written)) {
      throw new IllegalArgumentException(
          "these parts cannot be written as one entry: " + line + " (reads back " + read + ")");
    }
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static String linkPart(String s, boolean target) {
    // Obsidian does not allow these in note names either.
    String c = safe(clean(s)).replace('[', '(').replace(']', ')').replace('|', '/');
    return (target ? c.replace('#', ' ').replace('^', ' ') : c).strip();
  }

  private static boolean isIdChar(int c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
