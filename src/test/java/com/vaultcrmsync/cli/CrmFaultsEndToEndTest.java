package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.emulator.http.Faults;
import com.vaultcrmsync.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the sync under CRM faults injected by the emulator: transient failures (503, {@code
 * UNABLE_TO_LOCK_ROW}) are retried a bounded number of times, expired sessions renewed, latency
 * tolerated, a record rejected inside a collection reported while the rest is applied, {@code
 * REQUEST_LIMIT_EXCEEDED} stops the run cleanly (exit 3), and a later run converges to exactly one
 * Account per note and one Task per dated entry.
 */
class CrmFaultsEndToEndTest {
  private static final int NOTES = 12;

  @TempDir Path dir;

  private static void vault(SyncHarness h) throws Exception {
    for (int i = 0; i < NOTES; i++) {
      h.write(
          "Fault Co " + i + ".md",
          """
          ---
          type: customer
          title: Fault Co %d
          ---
          # Fault Co %d

          ## Recent Context
          - 2026-01-05: Kickoff %d - first call (via Jeff)
          - 2026-01-12: [[Review %d]] - second call (via Dana)
          """
              .formatted(i, i, i, i));
    }
  }

  /** Exactly one Account per note, one Task per entry, each note linked to its Account. */
  private static void converged(SyncHarness h) throws Exception {
    List<Map<String, Object>> accounts = h.records("Account");
    assertThat(accounts).hasSize(NOTES);
    Set<Object> names = new HashSet<>();
    accounts.forEach(a -> assertThat(names.add(a.get("Name"))).isTrue());
    List<Map<String, Object>> tasks = h.records("Task");
    assertThat(tasks).hasSize(2 * NOTES);
    Set<Object> keys = new HashSet<>();
    tasks.forEach(t -> assertThat(keys.add(t.get("Vault_Key__c"))).isTrue());
    for (int i = 0; i < NOTES; i++) {
      Object id = h.records("Account", "Name", "Fault Co " + i).get(0).get("Id");
      assertThat(h.read("Fault Co " + i + ".md")).contains("salesforce_id: " + id);
      assertThat(h.records("Task", "WhatId", id)).hasSize(2);
    }
  }

  private static void secondRunIsANoOp(SyncHarness h) throws Exception {
    Map<String, String> notes = h.snapshot();
    assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();
    RunReport.Totals t = h.report().totals();
    assertThat(t.accountsCreated() + t.activitiesCreated() + t.activitiesUpdated()).isZero();
    assertThat(h.report().api().calls()).isLessThanOrEqualTo(3);
    assertThat(h.snapshot()).isEqualTo(notes);
  }

  @Test
  void a503OnEveryThirdCallIsRetriedAndTheRunCompletes() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      vault(h);
      h.org.setFaults(new Faults(503, 3, null, 0, 0, 0), null);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();

      converged(h);
      h.org.clearFaults();
      secondRunIsANoOp(h);
    }
  }

  @Test
  void sessionsExpiredEveryThreeCallsAreRenewedTransparently() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      vault(h);
      h.org.setFaults(new Faults(503, 0, null, 3, 0, 0), null);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();

      converged(h);
      assertThat(h.org.stats().oauth().getOrDefault("token", 0L)).isGreaterThan(1L);
    }
  }

  @Test
  void latencyOnEveryCallOnlySlowsTheRunDown() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      vault(h);
      h.org.setFaults(new Faults(503, 0, null, 0, 150, 0), null);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();

      converged(h);
    }
  }

  @Test
  void unableToLockRowIsRetriedUntilTheRecordIsWritten() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      vault(h);
      h.org.setFaults(new Faults(503, 0, null, 0, 0, 5), null);

      int code = h.sync();
      h.org.clearFaults();
      if (code != 0) {
        assertThat(code).as(h.lastOut + h.lastErr).isEqualTo(1);
        assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();
      }

      converged(h);
      secondRunIsANoOp(h);
    }
  }

  @Test
  void aRecordRejectedInsideACollectionIsReportedAndTheOthersAreApplied() throws Exception {
    Path mappings = Files.createDirectories(dir.resolve("mappings"));
    Files.copy(Path.of("mappings/activities.yaml"), mappings.resolve("activities.yaml"));
    // Account.Site holds 80 characters: a longer site fails that record only.
    Files.writeString(
        mappings.resolve("accounts.yaml"),
        Files.readString(Path.of("mappings/accounts.yaml"))
            .replace("fields:\n", "fields:\n  Site: \"${variable.frontMatter[site]}\"\n"));
    try (SyncHarness h = new SyncHarness(dir, "sync.mappings-dir=" + mappings)) {
      vault(h);
      String note =
          "---\ntype: customer\ntitle: Long Site\nsite: %s\n---\n# T\n## Recent Context\n"
              + "- 2026-01-05: Call - x (via D)\n";
      h.write("Long Site.md", note.formatted("s".repeat(120)));

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(1);

      RunReport.NoteReport bad =
          h.report().notes().stream()
              .filter(n -> n.path().equals("Long Site.md"))
              .findFirst()
              .orElseThrow();
      assertThat(bad.errors()).isNotEmpty();
      assertThat(bad.errors().get(0).message()).contains("STRING_TOO_LONG");
      assertThat(h.read("Long Site.md")).doesNotContain("salesforce_id");
      assertThat(h.records("Account", "Name", "Long Site")).isEmpty();
      converged(h);

      h.write("Long Site.md", note.formatted("short"));
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();
      assertThat(h.records("Account", "Name", "Long Site")).hasSize(1);
    }
  }

  @Test
  void requestLimitExceededMidRunStopsCleanlyAndALaterRunConverges() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      vault(h);
      h.org.setFaults(new Faults(403, 3, "REQUEST_LIMIT_EXCEEDED", 0, 0, 0), null);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(3);

      RunReport halted = h.report();
      assertThat(halted.run().outcome()).isEqualTo("halted");
      assertThat(halted.run().message()).contains("REQUEST_LIMIT_EXCEEDED");
      h.org.clearFaults();
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();
      converged(h);
      secondRunIsANoOp(h);
    }
  }

  @Test
  void aCrmThatKeepsFailingIsRetriedABoundedNumberOfTimesAndTheRunStops() throws Exception {
    try (SyncHarness h = new SyncHarness(dir, "crm.retry.max-retries=3")) {
      vault(h);
      h.org.setFaults(new Faults(503, 1, null, 0, 0, 0), null);
      long before = h.org.stats().total();

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(3);

      assertThat(h.org.stats().total() - before).isBetween(4L, 4L);
      assertThat(h.report().run().message()).contains("503");
      assertThat(h.records("Account")).isEmpty();
      for (int i = 0; i < NOTES; i++) {
        assertThat(h.read("Fault Co " + i + ".md")).doesNotContain("salesforce_id");
      }
    }
  }
}
