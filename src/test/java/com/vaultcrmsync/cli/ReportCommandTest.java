package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.report.ReportFixtures;
import com.vaultcrmsync.report.ReportWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Proves {@code report} prints totals, every review item as path:line and the renderings' paths.
 */
class ReportCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int report(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = "report";
    System.arraycopy(args, 0, all, 1, args.length);
    return cmd.execute(all);
  }

  @Test
  void printsTotalsReviewItemsAndWhereTheRenderingsAre() throws Exception {
    Path reports = dir.resolve("reports");
    new ReportWriter().write(ReportFixtures.hostile(), reports);

    assertThat(report("--report-dir", reports.toString())).isZero();

    assertThat(out.toString())
        .contains("Latest run: full, partial")
        .contains("started 2026-11-27 03:00:00 UTC")
        .contains("conflicts 1, errors 1")
        .contains("Needs review (4):")
        .contains("  Partners/Fabrikam.md:1  ambiguous  several Accounts match \"Fabrikam\"")
        .contains("  Broken.md:3  error  Broken.md:3: front matter is not valid YAML")
        .contains("Markdown: " + reports.toAbsolutePath().resolve("latest.md"))
        .contains("HTML:     " + reports.toAbsolutePath().resolve("latest.html"));
  }

  @Test
  void withoutAReportItSaysSoAndExitsTwo() {
    assertThat(report("--report-dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no report in " + dir.toAbsolutePath() + " yet");
  }
}
