package com.vaultcrmsync.cli;

import com.vaultcrmsync.app.ConfigurationException;
import com.vaultcrmsync.app.RuntimeOptions;
import com.vaultcrmsync.app.SyncSession;
import com.vaultcrmsync.report.MarkdownReport;
import com.vaultcrmsync.report.ReportWriter;
import com.vaultcrmsync.report.ReviewItem;
import com.vaultcrmsync.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code report [--report-dir DIR] [--vault DIR]}: prints the latest run report's totals and every
 * item that needs review ({@code path:line what why}), then the paths of its Markdown and HTML
 * renderings. Exit 0; 2 when there is no report yet or the folder does not exist.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Show the latest run report's totals and what needs review.")
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ReportDirOptions reportDirOptions;

  @Mixin VaultOptions vaultOptions;

  @Mixin ConfigOptions configOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir;
    try {
      Path given = reportDirOptions.reportDir();
      dir = given != null ? given : defaultDir();
    } catch (ConfigurationException e) {
      err.println("error: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    Path latest = dir.resolve("latest.json");
    if (!Files.isRegularFile(latest)) {
      err.println(
          "error: no report in "
              + dir.toAbsolutePath()
              + " yet: run 'vault-crm-sync sync' (or give --report-dir / --vault)");
      return Main.EXIT_USAGE;
    }
    RunReport report;
    try {
      report = ReportWriter.read(latest);
    } catch (IOException e) {
      err.println("error: cannot read " + latest.toAbsolutePath() + ": " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    print(out, report, dir.toAbsolutePath());
    out.flush();
    return 0;
  }

  private Path defaultDir() {
    RuntimeOptions base = configOptions.applyTo(RuntimeOptions.of(Path.of(".")));
    return SyncSession.folders(base, vaultOptions.vault()).reportDir();
  }

  static void print(PrintWriter out, RunReport report, Path dir) {
    RunReport.Run run = report.run();
    out.printf(
        "Latest run: %s%s%s, %s%s%n",
        run.mode(),
        run.scope() == null ? "" : " " + run.scope(),
        run.dryRun() ? " (dry run)" : "",
        run.outcome(),
        run.message() == null ? "" : " - " + run.message());
    out.printf(
        "  started %s, finished %s, %d API calls%n",
        ReviewItem.time(run.startedAt()), ReviewItem.time(run.finishedAt()), report.api().calls());
    StringBuilder totals = new StringBuilder("  ");
    for (Map.Entry<String, Integer> t : MarkdownReport.totals(report.totals())) {
      totals
          .append(t.getKey().toLowerCase(Locale.ROOT))
          .append(' ')
          .append(t.getValue())
          .append(", ");
    }
    totals.setLength(totals.length() - 2);
    out.println(totals);
    List<ReviewItem> items = ReviewItem.of(report);
    out.println();
    if (items.isEmpty()) {
      out.println("Nothing needs review.");
    } else {
      out.println("Needs review (" + items.size() + "):");
      for (ReviewItem item : items) {
        out.printf("  %s  %s  %s%n", oneLine(item.location()), item.what(), oneLine(item.why()));
      }
    }
    out.println();
    out.println("Markdown: " + dir.resolve("latest.md"));
    out.println("HTML:     " + dir.resolve("latest.html"));
    out.println("JSON:     " + dir.resolve("latest.json"));
  }

  /** Terminal output: one line per item, no control characters from note content. */
  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
  }
}
