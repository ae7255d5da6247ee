package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that memory-bounded runs lose nothing: a run of more changed notes than one batch ({@code
 * sync.first-load.batch-notes}) writes every note after a counting pass and halts writing nothing
 * when the whole run trips a safety rule; more CRM changes than {@code sync.pull.max-changes} are
 * applied over several runs, each resuming where the last stopped.
 */
class SyncBatchesEndToEndTest {
  private static final List<String> NAMES = List.of("Alpha", "Beta", "Gamma", "Delta", "Epsilon");

  @TempDir Path dir;

  private static String note(String name, String facts, String summary) {
    return "---\ntype: customer\n---\n# "
        + name
        + "\n## Recent Context\n- 2026-01-10: [[Kickoff "
        + name
        + "]] - "
        + summary
        + " (via Cloud)\n## Key Facts\n- "
        + facts
        + "\n";
  }

  @Test
  void aBatchedRunHaltsWritingNothingWhenTheWholeRunTripsTheMassChangeRule() throws Exception {
    try (SyncHarness h = new SyncHarness(dir, "sync.first-load.batch-notes=2")) {
      for (String name : NAMES) {
        h.write(name + ".md", note(name, "old", "first talk"));
      }
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      for (String name : NAMES) {
        h.write(name + ".md", note(name, "new", "first talk"));
      }
      Map<String, String> notes = h.snapshot();
      long calls = h.apiCalls();

      try (LogCapture log = new LogCapture()) {
        assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(3);
        assertThat(log.lines()).noneMatch(l -> l.startsWith("Planned and wrote"));
      }

      assertThat(h.records("Account")).allMatch(a -> "- old".equals(a.get("Description")));
      assertThat(h.snapshot()).isEqualTo(notes);
      assertThat(h.report().run().message()).contains("mass change", "5 of 5 linked accounts");
      // The pull of the changes since the watermark, nothing more.
      assertThat(h.apiCalls() - calls).isLessThanOrEqualTo(3);

      try (LogCapture log = new LogCapture()) {
        assertThat(h.sync("--force")).as(h.lastOut + h.lastErr).isEqualTo(0);
        assertThat(log.lines())
            .anyMatch(
                l ->
                    l.startsWith(
                        "Planned and wrote 5 changed notes and 0 others in 3 batches of at most 2"));
      }
      assertThat(h.records("Account"))
          .hasSize(5)
          .allMatch(a -> "- new".equals(a.get("Description")));
      assertThat(h.report().totals().accountsUpdated()).isEqualTo(5);
    }
  }

  @Test
  void aBatchedRunWritesEveryChangedNoteAndPullsIntoNotesThatDidNotChange() throws Exception {
    try (SyncHarness h = new SyncHarness(dir, "sync.first-load.batch-notes=2")) {
      for (String name : NAMES) {
        h.write(name + ".md", note(name, "facts", "first talk"));
      }
      h.write("Zeta.md", note("Zeta", "facts", "first talk"));
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      for (String name : NAMES) {
        h.write(name + ".md", note(name, "facts", "second talk"));
      }
      String zeta = (String) h.records("Account", "Name", "Zeta").get(0).get("Id");
      String alpha = (String) h.records("Account", "Name", "Alpha").get(0).get("Id");
      String zetaTask = colleagueTask(h, zeta, "Renewal call");
      String alphaTask = colleagueTask(h, alpha, "Pricing call");

      try (LogCapture log = new LogCapture()) {
        assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
        assertThat(log.lines())
            .anyMatch(
                l ->
                    l.startsWith(
                        "Planned and wrote 5 changed notes and 1 others in 4 batches of at most 2"));
      }

      for (String name : NAMES) {
        assertThat(h.records("Task", "Subject", "Kickoff " + name))
            .singleElement()
            .satisfies(t -> assertThat(t.get("Description")).isEqualTo("second talk (via Cloud)"));
      }
      assertThat(h.read("Zeta.md"))
          .contains("- 2026-01-20: Renewal call (via Salesforce: Dana Lee) ^sf-" + zetaTask)
          .contains("last_contact: 2026-01-20");
      assertThat(h.read("Alpha.md"))
          .contains("- 2026-01-20: Pricing call (via Salesforce: Dana Lee) ^sf-" + alphaTask);
      assertThat(h.report().totals().activitiesUpdated()).isEqualTo(5);
      assertThat(h.report().totals().entriesAdded()).isEqualTo(2);

      Map<String, String> notes = h.snapshot();
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      assertThat(h.snapshot()).isEqualTo(notes);
    }
  }

  @Test
  void moreCrmChangesThanOneRunAppliesFlowInOverSeveralRunsWithNoneLostOrRepeated()
      throws Exception {
    try (SyncHarness h =
        new SyncHarness(dir, "sync.pull.max-changes=2", "sync.pull.lookback-seconds=0")) {
      h.write("Zeta.md", note("Zeta", "facts", "first talk"));
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      String zeta = (String) h.records("Account", "Name", "Zeta").get(0).get("Id");
      List<String> tasks =
          List.of("Call 1", "Call 2", "Call 3", "Call 4", "Call 5").stream()
              .map(subject -> colleagueTask(h, zeta, subject))
              .toList();

      List<Integer> added = new ArrayList<>();
      for (int run = 0; run < 4; run++) {
        assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
        added.add(h.report().totals().entriesAdded());
      }

      assertThat(added).containsExactly(2, 2, 1, 0);
      String text = h.read("Zeta.md");
      for (String task : tasks) {
        assertThat(text.split("\\^sf-" + task, -1)).hasSize(2);
      }
    }
  }

  private static String colleagueTask(SyncHarness h, String account, String subject) {
    return h.org.insertAs(
        "Dana Lee",
        "Task",
        Map.of(
            "Subject",
            subject,
            "ActivityDate",
            LocalDate.of(2026, 1, 20),
            "Status",
            "Completed",
            "WhatId",
            account));
  }
}
