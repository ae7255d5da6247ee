package com.vaultcrmsync.report;

import com.vaultcrmsync.report.RunReport.EntryReport;
import com.vaultcrmsync.report.RunReport.NoteReport;
import com.vaultcrmsync.report.RunReport.WriteBack;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Renders a run report as one self-contained HTML page (inline CSS, no script, no external asset):
 * totals first, then what needs a person with note path and line, then every note and entry. Every
 * value from a note or the CRM passes through {@link #escape}, so hostile titles render as text.
 */
public final class HtmlReport implements ReportFormat {
  private static final String CSS =
      """
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;\
      margin:0;background:#f6f8fa}
      main{max-width:1180px;margin:0 auto;padding:24px 32px 48px}
      h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 12px;\
      border-bottom:1px solid #d0d7de;padding-bottom:6px}
      .meta{color:#59636e;margin:0 0 16px}.meta b{color:#1f2328}
      .badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;\
      font-size:13px;color:#fff;background:#59636e}
      .ok{background:#1a7f37}.partial{background:#9a6700}.halted,.failed{background:#cf222e}
      .totals{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}
      .total{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px 14px}
      .total .n{font-size:24px;font-weight:600}.total .l{color:#59636e;font-size:13px}
      .total.alert{border-color:#cf222e}.total.alert .n{color:#cf222e}
      table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #d0d7de;\
      border-radius:8px;overflow:hidden;margin:6px 0 0}
      th,td{text-align:left;padding:6px 10px;border-top:1px solid #eaeef2;vertical-align:top;\
      overflow-wrap:anywhere}
      th{background:#f6f8fa;font-size:13px;color:#59636e;border-top:0}
      code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
      .what{font-weight:600;white-space:nowrap}.what.error,.what.halted,.what.failed{color:#cf222e}
      .what.conflict,.what.ambiguous{color:#9a6700}.what.created,.what.added{color:#1a7f37}
      .what.skipped,.what.unchanged{color:#59636e;font-weight:400}
      .note table{table-layout:fixed}.note th:nth-child(2){width:110px}.note th:nth-child(3){width:38%}
      .none{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;\
      color:#1a7f37}
      .note{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;\
      margin:0 0 14px}
      .note h3{margin:0 0 4px;font-size:16px}.note .facts{color:#59636e;font-size:13px;margin:0 0 6px}
      .note table{border-radius:6px}.num{text-align:right;width:48px;color:#59636e}
      """;

  /**
   * Writes the report as an HTML document to {@code out}, a few notes at a time, so the whole page
   * is never held in memory. Does not close {@code out}.
   *
   * @throws IOException when {@code out} fails
   */
  @Override
  public void render(RunReport report, Writer out) throws IOException {
    RunReport.Run run = report.run();
    StringBuilder h = new StringBuilder(8192);
    String heading =
        "vault-crm-sync report: "
            + run.mode()
            + " run"
            + (run.scope() == null ? "" : " of " + run.scope())
            + (run.dryRun() ? " (dry run)" : "");
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'\">")
        .append("<title>")
        .append(escape(heading))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head>\n<body><main>\n<h1>")
        .append(escape(heading))
        .append("</h1>\n<p class=\"meta\"><span class=\"badge ")
        .append(cssClass(run.outcome()))
        .append("\">")
        .append(escape(run.outcome()))
        .append("</span> ");
    if (run.message() != null) {
      h.append("<b>").append(escape(run.message())).append("</b> · ");
    }
    h.append("started ")
        .append(escape(ReviewItem.time(run.startedAt())))
        .append(" · finished ")
        .append(escape(ReviewItem.time(run.finishedAt())))
        .append(" · ")
        .append(report.api().calls())
        .append(" API calls");
    Map<String, Integer> ops = report.api().byOperation();
    if (ops != null && !ops.isEmpty()) {
      StringBuilder list = new StringBuilder();
      ops.forEach(
          (op, n) -> list.append(list.isEmpty() ? "" : ", ").append(op).append(' ').append(n));
      h.append(" (").append(escape(list.toString())).append(')');
    }
    if (report.api().dailyRemaining() != null) {
      h.append(" · ").append(report.api().dailyRemaining()).append(" left today");
    }
    h.append("</p>\n<h2>Totals</h2>\n<div class=\"totals\">");
    for (Map.Entry<String, Integer> t : MarkdownReport.totals(report.totals())) {
      boolean alert =
          t.getValue() > 0 && (t.getKey().equals("Conflicts") || t.getKey().equals("Errors"));
      h.append("<div class=\"total")
          .append(alert ? " alert" : "")
          .append("\"><div class=\"n\">")
          .append(t.getValue())
          .append("</div><div class=\"l\">")
          .append(escape(t.getKey()))
          .append("</div></div>");
    }
    h.append("</div>\n");
    review(h, ReviewItem.of(report), out);
    h.append("<h2>Notes (").append(report.notes().size()).append(")</h2>\n");
    for (NoteReport note : report.notes()) {
      note(h, note);
      MarkdownReport.spill(h, out);
    }
    h.append("</main></body></html>\n");
    out.append(h);
  }

  private static void review(StringBuilder h, List<ReviewItem> items, Writer out)
      throws IOException {
    h.append("<h2 id=\"review\">Needs review (").append(items.size()).append(")</h2>\n");
    if (items.isEmpty()) {
      h.append("<p class=\"none\">Nothing needs review.</p>\n");
      return;
    }
    h.append("<table><thead><tr><th>Where</th><th>What</th><th>Why</th></tr></thead><tbody>");
    for (ReviewItem item : items) {
      h.append("<tr><td><code>")
          .append(escape(item.location()))
          .append("</code></td><td class=\"what ")
          .append(cssClass(item.what()))
          .append("\">")
          .append(escape(item.what()))
          .append("</td><td>")
          .append(escape(item.why()))
          .append("</td></tr>");
      MarkdownReport.spill(h, out);
    }
    h.append("</tbody></table>\n");
  }

  private static void note(StringBuilder h, NoteReport note) {
    h.append("<section class=\"note\"><h3>")
        .append(escape(note.title() == null ? note.path() : note.title()))
        .append("</h3><p class=\"facts\"><code>")
        .append(escape(note.path()))
        .append("</code> · match <b>")
        .append(escape(note.match()))
        .append("</b>");
    if (note.crmId() != null) {
      h.append(" → <code>").append(escape(note.crmId())).append("</code>");
    }
    if (note.reason() != null) {
      h.append(" (").append(escape(note.reason())).append(')');
    }
    h.append(" · account <b>").append(escape(note.action())).append("</b>");
    WriteBack wb = note.writeBack();
    if (wb != null && wb.lastContact() != null) {
      h.append(" · last_contact ")
          .append(escape(wb.lastContact().from()))
          .append(" → ")
          .append(escape(wb.lastContact().to()));
    }
    if (wb != null && wb.entriesAdded() > 0) {
      h.append(" · ").append(wb.entriesAdded()).append(" entries added to the note");
    }
    h.append("</p>");
    if (!note.entries().isEmpty()) {
      h.append("<table><thead><tr><th class=\"num\">Line</th><th>Action</th><th>Key</th>")
          .append("<th>Reason</th></tr></thead><tbody>");
      for (EntryReport e : note.entries()) {
        h.append("<tr><td class=\"num\">")
            .append(e.line() == null ? "" : e.line())
            .append("</td><td class=\"what ")
            .append(cssClass(e.action()))
            .append("\">")
            .append(escape(e.action()))
            .append("</td><td><code>")
            .append(escape(e.key()))
            .append("</code></td><td>")
            .append(escape(e.reason()))
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("</section>\n");
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  public static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Only known words become CSS classes; anything else gets none. */
  private static String cssClass(String word) {
    if (word == null || word.isEmpty() || word.length() > 20) {
      return "";
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if ((c < 'a' || c > 'z') && c != '-') {
        return "";
      }
    }
    return word;
  }
}
