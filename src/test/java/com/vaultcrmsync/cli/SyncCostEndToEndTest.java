package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.vault.SyntheticVault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the API-call and parse costs the benchmarks measure, on a small synthetic vault against
 * the emulated org: a first load at the lower bound of calls, a no-op sync in 3 calls without
 * parsing a note, and one edited note in 4 calls, parsing only that note; and a first load in
 * batches writing every note once.
 */
class SyncCostEndToEndTest {
  private static final Pattern READ = Pattern.compile("(\\d+) notes listed, (\\d+) parsed");

  @TempDir Path dir;

  @Test
  void aFirstLoadInBatchesWritesEveryNoteOnceAndTheNextRunFindsNothingToWrite() throws Exception {
    try (SyncHarness h =
        new SyncHarness(dir, "sync.pull.lookback-seconds=0", "sync.first-load.batch-notes=40")) {
      SyntheticVault.generate(h.vault, 250, 7L);

      long before = h.apiCalls();
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      RunReport load = h.report();
      long tasks = load.totals().activitiesCreated();
      assertThat(load.totals().accountsCreated()).isEqualTo(250);
      assertThat(load.totals().notesWritten()).isEqualTo(250);
      assertThat(h.records("Account")).hasSize(250);
      assertThat(h.records("Task")).hasSize((int) tasks);
      // Seven batches of at most 40 notes: each may end with one partial collection per kind.
      long batches = 7;
      long writes = ceil200(250) + ceil200(tasks);
      assertThat(h.apiCalls() - before).isBetween(writes, writes + 2 * batches + 3);

      before = h.apiCalls();
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      assertThat(h.report().totals().notesWritten()).isZero();
      assertThat(h.report().totals().activitiesCreated()).isZero();
      assertThat(h.records("Task")).hasSize((int) tasks);
    }
  }

  @Test
  void aFirstLoadCostsTheLowerBoundAndLaterRunsCostThreeCallsOrFourForOneEditedNote()
      throws Exception {
    // A zero lookback: "nothing changed" then also means nothing in the window before the
    // watermark, without waiting out the default ten minutes.
    try (SyncHarness h = new SyncHarness(dir, "sync.pull.lookback-seconds=0")) {
      SyntheticVault.generate(h.vault, 250, 7L);

      long before = h.apiCalls();
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      RunReport load = h.report();
      long accounts = load.totals().accountsCreated();
      long tasks = load.totals().activitiesCreated();
      long writes = ceil200(accounts) + ceil200(tasks);
      assertThat(accounts).isEqualTo(250);
      assertThat(tasks).isGreaterThan(2000);
      assertThat(h.apiCalls() - before).isBetween(writes, writes + 3);

      // The next run reads back what the load wrote (it is in the pull window) and writes nothing.
      before = h.apiCalls();
      assertThat(h.sync()).isEqualTo(0);
      assertThat(h.report().totals().notesWritten()).isZero();
      assertThat(h.apiCalls() - before).isLessThanOrEqualTo(3 + ceil2000(tasks));

      try (LogCapture logs = new LogCapture()) {
        before = h.apiCalls();
        assertThat(h.sync()).isEqualTo(0);
        assertThat(h.apiCalls() - before)
            .as(String.valueOf(h.report().api()))
            .isLessThanOrEqualTo(3);
        assertThat(parsed(logs.lines())).isEqualTo(new int[] {250, 0});
      }

      Path note = h.vault.resolve("Customers/Company 0.md");
      String text = Files.readString(note, StandardCharsets.UTF_8);
      Matcher entry =
          Pattern.compile("(?m)^- \\d{4}-\\d{2}-\\d{2}: \\[\\[[^\\]]+\\]\\] - ").matcher(text);
      assertThat(entry.find()).isTrue();
      Files.writeString(
          note,
          text.substring(0, entry.end()) + "Edited. " + text.substring(entry.end()),
          StandardCharsets.UTF_8);
      try (LogCapture logs = new LogCapture()) {
        before = h.apiCalls();
        assertThat(h.sync()).isEqualTo(0);
        assertThat(h.apiCalls() - before).isLessThanOrEqualTo(4);
        assertThat(parsed(logs.lines())).isEqualTo(new int[] {250, 1});
      }
      assertThat(h.report().totals().activitiesUpdated()).isEqualTo(1);
      assertThat(h.records("Task"))
          .filteredOn(t -> String.valueOf(t.get("Description")).startsWith("Edited. "))
          .hasSize(1);
    }
  }

  private static int[] parsed(List<String> lines) {
    for (String line : lines) {
      Matcher m = READ.matcher(line);
      if (m.find()) {
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
      }
    }
    return new int[0];
  }

  private static long ceil200(long n) {
    return (n + 199) / 200;
  }

  private static long ceil2000(long n) {
    return (n + 1999) / 2000;
  }
}
