package com.vaultcrmsync.report;

import com.vaultcrmsync.report.RunReport.EntryReport;
import com.vaultcrmsync.report.RunReport.NoteReport;
import com.vaultcrmsync.report.RunReport.Totals;
import com.vaultcrmsync.report.RunReport.WriteBack;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Renders a run report as Markdown for review in an editor or in Obsidian: totals first, then what
 * needs a person (with note path and line), then every note and its entries. Every piece of note
 * content is escaped so a title cannot inject Markdown, HTML or links.
 */
public final class MarkdownReport implements ReportFormat {

  /** Text is handed to the writer in pieces of about this many characters. */
  private static final int CHUNK = 8192;

  /**
   * Writes the report as Markdown (LF line endings) to {@code out}, a few notes at a time, so the
   * whole text is never held in memory. Does not close {@code out}.
   *
   * @throws IOException when {@code out} fails
   */
  @Override
  public void render(RunReport report, Writer out) throws IOException {
    StringBuilder md = new StringBuilder();
    RunReport.Run run = report.run();
    md.append("# vault-crm-sync report: ").append(text(run.mode())).append(" run");
    if (run.scope() != null) {
      md.append(" of ").append(text(run.scope()));
    }
    md.append(run.dryRun() ? " (dry run)" : "").append("\n\n");
    md.append("- Outcome: **").append(text(run.outcome())).append("**");
    if (run.message() != null) {
      md.append(" — ").append(text(run.message()));
    }
    md.append("\n- Started: ").append(text(ReviewItem.time(run.startedAt())));
    md.append("\n- Finished: ").append(text(ReviewItem.time(run.finishedAt())));
    md.append("\n- API calls: ").append(report.api().calls());
    Map<String, Integer> ops = report.api().byOperation();
    if (ops != null && !ops.isEmpty()) {
      md.append(" (");
      ops.forEach((op, n) -> md.append(text(op)).append(' ').append(n).append(", "));
      md.setLength(md.length() - 2);
      md.append(')');
    }
    if (report.api().dailyRemaining() != null) {
      md.append("; daily allowance left: ").append(report.api().dailyRemaining());
    }
    md.append("\n\n## Totals\n\n| | count |\n|---|---:|\n");
    for (Map.Entry<String, Integer> t : totals(report.totals())) {
      md.append("| ").append(t.getKey()).append(" | ").append(t.getValue()).append(" |\n");
    }
    List<ReviewItem> review = ReviewItem.of(report);
    md.append("\n## Needs review (").append(review.size()).append(")\n\n");
    if (review.isEmpty()) {
      md.append("Nothing needs review.\n");
    }
    for (ReviewItem item : review) {
      md.append("- `")
          .append(code(item.location()))
          .append("` **")
          .append(item.what())
          .append("**: ")
          .append(text(item.why()))
          .append('\n');
      spill(md, out);
    }
    md.append("\n## Notes (").append(report.notes().size()).append(")\n");
    for (NoteReport note : report.notes()) {
      note(md, note);
      spill(md, out);
    }
    out.append(md);
  }

  /** Hands the buffered text to the writer once it is a chunk long. */
  static void spill(StringBuilder buffer, Writer out) throws IOException {
    if (buffer.length() >= CHUNK) {
      out.append(buffer);
      buffer.setLength(0);
    }
  }

  private static void note(StringBuilder md, NoteReport note) {
    md.append("\n### ")
        .append(text(note.title() == null ? note.path() : note.title()))
        .append("\n\n");
    md.append("- Path: `").append(code(note.path())).append("`\n");
    md.append("- Match: ").append(text(note.match()));
    if (note.crmId() != null) {
      md.append(" → `").append(code(note.crmId())).append('`');
    }
    if (note.reason() != null) {
      md.append(" (").append(text(note.reason())).append(')');
    }
    md.append("\n- Account: ").append(text(note.action())).append('\n');
    WriteBack wb = note.writeBack();
    if (wb != null
        && (wb.lastContact() != null || wb.entriesAdded() > 0 || wb.idProperty() != null)) {
      md.append("- Written back:");
      if (wb.lastContact() != null) {
        md.append(" last_contact ")
            .append(text(wb.lastContact().from()))
            .append(" → ")
            .append(text(wb.lastContact().to()))
            .append(';');
      }
      if (wb.idProperty() != null) {
        md.append(" id property ").append(text(wb.idProperty())).append(';');
      }
      md.append(" entries added ").append(wb.entriesAdded()).append('\n');
    }
    if (!note.entries().isEmpty()) {
      md.append("\n| line | action | key | reason |\n|---:|---|---|---|\n");
      for (EntryReport e : note.entries()) {
        md.append("| ")
            .append(e.line() == null ? "" : e.line())
            .append(" | ")
            .append(text(e.action()))
            .append(" | ")
            .append(e.key() == null ? "" : "`" + code(e.key()) + "`")
            .append(" | ")
            .append(text(e.reason()))
            .append(" |\n");
      }
    }
  }

  /** The totals in display order, with readable labels. */
  public static List<Map.Entry<String, Integer>> totals(Totals t) {
    return List.of(
        Map.entry("Notes", t.notes()),
        Map.entry("Accounts created", t.accountsCreated()),
        Map.entry("Accounts updated", t.accountsUpdated()),
        Map.entry("Accounts unchanged", t.accountsUnchanged()),
        Map.entry("Activities created", t.activitiesCreated()),
        Map.entry("Activities updated", t.activitiesUpdated()),
        Map.entry("Activities unchanged", t.activitiesUnchanged()),
        Map.entry("Entries skipped", t.entriesSkipped()),
        Map.entry("Notes written", t.notesWritten()),
        Map.entry("Entries added to notes", t.entriesAdded()),
        Map.entry("Conflicts", t.conflicts()),
        Map.entry("Errors", t.errors()));
  }

  /** Escapes text so Markdown renders it literally, on one line (table cells included). */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\r', '\n' -> out.append(' ');
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~', '$', '%', '^', '=' ->
            out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Text inside a code span: no backticks or line breaks, pipes escaped for tables. */
  static String code(String value) {
    if (value == null) {
      return "";
    }
    // A loop, not replaceAll: this runs for every note and entry of the report.
    StringBuilder out = new StringBuilder(value.length() + 4);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\r', '\n', '`' -> out.append(' ');
        case '|' -> out.append("\\|");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
