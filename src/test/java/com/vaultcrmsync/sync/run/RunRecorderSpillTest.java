package com.vaultcrmsync.sync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.report.HtmlReport;
import com.vaultcrmsync.report.MarkdownReport;
import com.vaultcrmsync.report.ReportWriter;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.sync.plan.NoteOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a run's report rows do not accumulate in memory and that spilling changes no byte.
 */
class RunRecorderSpillTest {
  private static final Instant START = Instant.parse("2026-01-15T09:30:00Z");
  private static final int NOTES = 3_000;
  private static final int ENTRIES = 12;
  private static final int BOUND = 1_000;

  @TempDir Path spillDir;

  @Test
  void rowsHeldInMemoryStayBoundedWhileManyAreRecorded() {
    RunRecorder rec = new RunRecorder(SyncRequest.full(false, false), START, spillDir, BOUND);
    int maxHeld = 0;
    for (int i = 0; i < NOTES; i++) {
      record(rec, i);
      maxHeld = Math.max(maxHeld, rec.rowsInMemory());
    }

    assertThat(NOTES * (1 + ENTRIES)).isGreaterThan(30 * BOUND);
    assertThat(maxHeld).isLessThanOrEqualTo(BOUND + 1 + ENTRIES);
  }

  @Test
  void aReportThatSpilledIsTheSameInEveryRenderingAsOneHeldInMemory() {
    RunRecorder spilling = new RunRecorder(SyncRequest.full(false, false), START, spillDir, BOUND);
    RunRecorder held =
        new RunRecorder(SyncRequest.full(false, false), START, spillDir, Integer.MAX_VALUE);
    for (RunRecorder rec : new RunRecorder[] {spilling, held}) {
      for (int i = NOTES - 1; i >= 0; i--) {
        record(rec, i);
      }
      // Coming back to notes spilled long ago keeps what they had and adds to it.
      for (int i = 0; i < NOTES; i += 97) {
        rec.note(path(i)).entry(99, "again-" + i, null, "added", "pulled later");
        rec.note(path(i)).lastContact = new RunReport.Change("unknown", "2026-01-14");
      }
      rec.note(path(5)).error("write failed", 3);
    }

    RunReport a =
        spilling.build(
            new RunOutcome(RunOutcome.Kind.PARTIAL, Optional.empty()), null, START.plusSeconds(5));
    RunReport b =
        held.build(
            new RunOutcome(RunOutcome.Kind.PARTIAL, Optional.empty()), null, START.plusSeconds(5));

    assertThat(spilling.rowsInMemory()).isZero();
    assertThat(a.totals()).isEqualTo(b.totals());
    assertThat(a.totals().errors()).isEqualTo(1);
    assertThat(spilling.needsReview()).isTrue();
    assertThat(ReportWriter.toJson(a)).isEqualTo(ReportWriter.toJson(b));
    assertThat(new MarkdownReport().render(a)).isEqualTo(new MarkdownReport().render(b));
    assertThat(new HtmlReport().render(a)).isEqualTo(new HtmlReport().render(b));
    assertThat(a.notes()).hasSize(NOTES);
  }

  @Test
  void theSpillLeavesNoFileBehind() throws IOException {
    RunRecorder rec = new RunRecorder(SyncRequest.full(false, false), START, spillDir, BOUND);
    for (int i = 0; i < NOTES; i++) {
      record(rec, i);
    }
    RunReport report =
        rec.build(new RunOutcome(RunOutcome.Kind.OK, Optional.empty()), null, START.plusSeconds(1));

    assertThat(report.notes()).hasSize(NOTES);
    try (Stream<Path> files = Files.list(spillDir)) {
      assertThat(files).isEmpty();
    }
  }

  private static void record(RunRecorder rec, int i) {
    RunRecorder.NoteRecord n = rec.note(path(i));
    n.title = "Company " + i + " “quoted”";
    n.match = "id";
    n.crmId = "001000000000" + String.format("%06d", i);
    n.action = i % 3 == 0 ? "updated" : "unchanged";
    for (int e = 0; e < ENTRIES; e++) {
      n.entry(8 + e, "key-" + i + "-" + e, null, "created", "new entry");
    }
    if (i % 500 == 0) {
      rec.fold(
          new NoteOutcome.Conflict(
              path(i),
              new RunReport.Conflict("account", n.crmId, null, "reported", "a", "b"),
              false));
    }
  }

  private static String path(int i) {
    return "Customers/Company " + i + ".md";
  }
}
