package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.vault.SyntheticVault;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull right after a push does not read the push back (the query leaves out what the
 * integration user changed inside the push windows), with the default lookback of 600 s and without
 * waiting: a push followed at once by a sync costs what a no-op costs. What the exclusion must not
 * hide is still pulled: a colleague's change that commits late, stamped inside a push window behind
 * the watermark, and the integration user's own change (a UI edit) outside the push windows. The
 * one blind spot is shown too: the integration user's change stamped inside a push window.
 */
class EchoFreePullEndToEndTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void aPushFollowedAtOnceByASyncCostsAtMostThreeCalls() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      SyntheticVault.generate(h.vault, 250, 7L);
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      assertThat(h.records("Task")).hasSizeGreaterThan(2000);

      Map<String, Long> before = h.org.stats().byOperation();
      long calls = h.apiCalls();
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      assertThat(h.apiCalls() - calls).as(String.valueOf(h.report().api())).isLessThanOrEqualTo(3);
      assertThat(h.org.stats().byOperation().getOrDefault("queryMore", 0L))
          .isEqualTo(before.getOrDefault("queryMore", 0L));
      assertThat(h.report().totals().notesWritten()).isZero();
      assertThat(h.lastOut + h.lastErr).doesNotContain("Exception");
    }
  }

  @Test
  void aColleaguesChangeCommittedLateInsideAPushWindowIsPulled() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      SyntheticVault.generate(h.vault, 20, 7L);
      assertThat(h.sync()).isEqualTo(0);
      Instant insidePush = newestTaskStamp(h);
      // The watermark moves past the push.
      assertThat(h.sync()).isEqualTo(0);

      String id = h.colleagueTask("Company 3", "Late colleague call", LocalDate.of(2026, 3, 2));
      h.org.updateCommittedLate(
          "Dana Lee", "Task", id, Map.of("Description", "committed late"), insidePush);
      assertThat(h.org.record(id).orElseThrow().get("SystemModstamp")).isEqualTo(insidePush);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      assertThat(note(h, "Company 3")).contains("Late colleague call");
    }
  }

  @Test
  void theIntegrationUsersOwnChangeOutsideAPushWindowIsPulledAndInsideOneIsTheBlindSpot()
      throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      SyntheticVault.generate(h.vault, 20, 7L);
      assertThat(h.sync()).isEqualTo(0);
      Instant insidePush = newestTaskStamp(h);
      assertThat(h.sync()).isEqualTo(0);

      // A UI edit by the integration user, after every push.
      String account = (String) h.records("Account", "Name", "Company 4").get(0).get("Id");
      h.org.insertAs(
          "Integration User",
          "Task",
          Map.of(
              "Subject",
              "Own UI call",
              "ActivityDate",
              LocalDate.of(2026, 3, 3),
              "WhatId",
              account));
      // The same kind of edit, committed while a push ran (stamped inside its window).
      String blind =
          h.org.insertAs(
              "Integration User",
              "Task",
              Map.of(
                  "Subject",
                  "Own call during a push",
                  "ActivityDate",
                  LocalDate.of(2026, 3, 4),
                  "WhatId",
                  account));
      h.org.updateCommittedLate(
          "Integration User", "Task", blind, Map.of("Description", "during"), insidePush);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      String note = note(h, "Company 4");
      assertThat(note).contains("Own UI call");
      // The documented blind spot (docs/sync-semantics.md): not pulled by this sync.
      assertThat(note).doesNotContain("Own call during a push");
    }
  }

  private static String note(SyncHarness h, String name) throws java.io.IOException {
    try (var files = java.nio.file.Files.walk(h.vault)) {
      java.nio.file.Path p =
          files
              .filter(f -> f.getFileName().toString().equals(name + ".md"))
              .findFirst()
              .orElseThrow();
      return java.nio.file.Files.readString(p);
    }
  }

  private static Instant newestTaskStamp(SyncHarness h) {
    return h.records("Task").stream()
        .map(t -> (Instant) t.get("SystemModstamp"))
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }
}
