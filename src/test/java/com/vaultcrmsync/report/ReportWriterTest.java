package com.vaultcrmsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves each run writes timestamped and latest JSON, Markdown and HTML side by side. */
class ReportWriterTest {
  @TempDir Path dir;

  @Test
  void writesTheThreeRenderingsAndReplacesLatest() throws Exception {
    RunReport report = ReportFixtures.hostile();
    Path json = new ReportWriter().write(report, dir.resolve("reports"));
    Path again = new ReportWriter().write(report, dir.resolve("reports"));

    assertThat(json.getFileName().toString()).isEqualTo("20261127T030000Z-full.json");
    assertThat(again.getFileName().toString()).isEqualTo("20261127T030000Z-full-2.json");
    try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "20261127T030000Z-full.json",
              "20261127T030000Z-full.md",
              "20261127T030000Z-full.html",
              "20261127T030000Z-full-2.json",
              "20261127T030000Z-full-2.md",
              "20261127T030000Z-full-2.html",
              "latest.json",
              "latest.md",
              "latest.html");
    }
    assertThat(ReportWriter.read(dir.resolve("reports/latest.json")).totals())
        .isEqualTo(report.totals());
    assertThat(dir.resolve("reports/latest.html")).content().startsWith("<!DOCTYPE html>");
  }
}
