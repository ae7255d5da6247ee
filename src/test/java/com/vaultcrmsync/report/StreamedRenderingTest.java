package com.vaultcrmsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the report files written by streaming equal the String renderings byte for byte. */
class StreamedRenderingTest {
  @TempDir Path dir;

  /** The hostile fixture's notes repeated, so the renderings span many written chunks. */
  private static RunReport manyNotes() {
    RunReport hostile = ReportFixtures.hostile();
    List<RunReport.NoteReport> notes = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      notes.addAll(hostile.notes());
    }
    return new RunReport(hostile.run(), hostile.api(), hostile.totals(), notes);
  }

  @Test
  void writtenFilesEqualTheStringRenderingsForAReportWithAFewNotes() throws Exception {
    assertWrittenEqualsStrings(ReportFixtures.hostile());
  }

  @Test
  void writtenFilesEqualTheStringRenderingsWhenTheTextSpansManyChunks() throws Exception {
    RunReport report = manyNotes();
    assertThat(new HtmlReport().render(report).length()).isGreaterThan(10 * 8192);
    assertWrittenEqualsStrings(report);
  }

  @Test
  void aRenderingStreamedToATempFileIsTheSameTextAndLeavesNoOtherFile() throws Exception {
    RunReport report = manyNotes();
    Path tmp = ReportWriter.renderToTemp(dir, out -> new MarkdownReport().render(report, out));

    assertThat(Files.readString(tmp, StandardCharsets.UTF_8))
        .isEqualTo(new MarkdownReport().render(report));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(tmp);
    }
  }

  private void assertWrittenEqualsStrings(RunReport report) throws Exception {
    Path reports = dir.resolve("reports");
    Path json = new ReportWriter().write(report, reports);
    String base = json.getFileName().toString().replaceFirst("\\.json$", "");
    String md = new MarkdownReport().render(report);
    String html = new HtmlReport().render(report);
    String text = ReportWriter.toJson(report);

    assertThat(Files.readString(json, StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(Files.readString(reports.resolve(base + ".md"), StandardCharsets.UTF_8))
        .isEqualTo(md);
    assertThat(Files.readString(reports.resolve(base + ".html"), StandardCharsets.UTF_8))
        .isEqualTo(html);
    assertThat(Files.readString(reports.resolve("latest.json"), StandardCharsets.UTF_8))
        .isEqualTo(text);
    assertThat(Files.readString(reports.resolve("latest.md"), StandardCharsets.UTF_8))
        .isEqualTo(md);
    assertThat(Files.readString(reports.resolve("latest.html"), StandardCharsets.UTF_8))
        .isEqualTo(html);
  }
}
