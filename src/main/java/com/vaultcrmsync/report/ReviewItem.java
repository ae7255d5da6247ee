package com.vaultcrmsync.report;

import com.vaultcrmsync.report.RunReport.Conflict;
import com.vaultcrmsync.report.RunReport.EntryReport;
import com.vaultcrmsync.report.RunReport.NoteReport;
import com.vaultcrmsync.report.RunReport.Problem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One thing in a run report that needs a person: a halt, an ambiguous match, a conflict or an
 * error.
 *
 * @param path the note's vault-relative path, or null for the run as a whole
 * @param line 1-based line in the note, or null
 * @param what {@code halted}, {@code failed}, {@code ambiguous}, {@code conflict} or {@code error}
 * @param why the report's own words
 */
public record ReviewItem(String path, Integer line, String what, String why) {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** {@code path:line}, {@code path} or {@code (run)}. */
  public String location() {
    if (path == null) {
      return "(run)";
    }
    return line == null ? path : path + ":" + line;
  }

  /**
   * An ISO-8601 instant shown to the second in UTC ({@code 2026-01-15 09:30:12 UTC}); other text as
   * it is.
   */
  public static String time(String iso) {
    if (iso == null) {
      return "";
    }
    try {
      return SECONDS.format(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  /** Every review item of a report, in report order: the run's halt first, then per note. */
  public static List<ReviewItem> of(RunReport report) {
    List<ReviewItem> items = new ArrayList<>();
    String outcome = report.run().outcome();
    if ("halted".equals(outcome) || "failed".equals(outcome)) {
      String message = report.run().message();
      items.add(new ReviewItem(null, null, outcome, message == null ? "no reason given" : message));
    }
    for (NoteReport note : report.notes()) {
      if ("ambiguous".equals(note.match())) {
        items.add(
            new ReviewItem(
                note.path(), 1, "ambiguous", "several Accounts match \"" + note.title() + "\""));
      }
      for (Conflict c : note.conflicts()) {
        items.add(new ReviewItem(note.path(), c.line(), "conflict", describe(c)));
      }
      for (Problem p : note.errors()) {
        items.add(new ReviewItem(note.path(), p.line(), "error", p.message()));
      }
      for (EntryReport e : note.entries()) {
        if ("failed".equals(e.action()) || "conflict".equals(e.action())) {
          boolean listed =
              note.conflicts().stream().anyMatch(c -> e.line() != null && e.line().equals(c.line()))
                  || note.errors().stream()
                      .anyMatch(p -> e.line() != null && e.line().equals(p.line()));
          if (!listed) {
            String what = "failed".equals(e.action()) ? "error" : "conflict";
            items.add(new ReviewItem(note.path(), e.line(), what, entryWhy(e)));
          }
        }
      }
    }
    return items;
  }

  private static String describe(Conflict c) {
    StringBuilder text = new StringBuilder();
    text.append(c.record()).append(" changed on both sides");
    if (c.vault() != null || c.crm() != null) {
      text.append(": vault \"").append(c.vault()).append("\", CRM \"").append(c.crm()).append('"');
    }
    text.append(" (").append(c.resolution()).append(')');
    return text.toString();
  }

  private static String entryWhy(EntryReport e) {
    String reason = e.reason() == null ? e.action() : e.reason();
    return e.key() == null ? reason : reason + " [" + e.key() + "]";
  }
}
