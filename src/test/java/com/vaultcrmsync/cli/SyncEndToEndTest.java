package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.report.RunReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the two-way sync end to end: the sync command, the YAML routes and the Camel Salesforce
 * component against the emulated org on loopback, with real note files.
 */
class SyncEndToEndTest {
  @TempDir Path dir;

  @Test
  void firstSyncOfTheSeedNoteCreatesItsAccountAndTasksAndWritesBackIdAndLastContact()
      throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      String before = h.read("Microsoft.md");

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      List<Map<String, Object>> accounts = h.records("Account", "Name", "Microsoft");
      assertThat(accounts).hasSize(1);
      String accountId = (String) accounts.get(0).get("Id");
      assertThat(accounts.get(0).get("Type")).isEqualTo("customer");
      assertThat((String) accounts.get(0).get("Description")).contains("Big Pause");
      List<Map<String, Object>> tasks = h.records("Task", "WhatId", accountId);
      assertThat(tasks).hasSize(8);
      assertThat(tasks)
          .allSatisfy(
              t -> {
                assertThat(t.get("Status")).isEqualTo("Completed");
                assertThat((String) t.get("Vault_Key__c")).startsWith("vk1-");
              });
      String after = h.read("Microsoft.md");
      assertThat(after)
          .isEqualTo(
              before
                  .replace("last_contact: unknown", "last_contact: 2025-12-19")
                  .replace("created: '2026-01-03'\n", "created: '2026-01-03'\n")
                  .replaceFirst("tags:\n", "tags:\n")
                  .replace(
                      "- generated\n---", "- generated\nsalesforce_id: " + accountId + "\n---"));
      RunReport report = h.report();
      assertThat(report.run().outcome()).isEqualTo("ok");
      assertThat(report.totals().accountsCreated()).isEqualTo(1);
      assertThat(report.totals().activitiesCreated()).isEqualTo(8);
      assertThat(report.totals().entriesSkipped()).isEqualTo(7);
      assertThat(report.notes().get(0).entries())
          .filteredOn(e -> "skipped".equals(e.action()))
          .allMatch(e -> e.reason().equals("undated entry"));
    }
  }

  @Test
  void aSecondSyncWithoutOutsideChangesWritesNothingAndCostsAtMostThreeCalls() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      Map<String, String> notes = h.snapshot();
      List<Map<String, Object>> tasks = h.records("Task");
      long calls = h.apiCalls();

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.apiCalls() - calls).isLessThanOrEqualTo(3);
      assertThat(h.snapshot()).isEqualTo(notes);
      assertThat(h.records("Task")).isEqualTo(tasks);
      RunReport report = h.report();
      assertThat(report.totals().notesWritten()).isZero();
      assertThat(report.totals().activitiesCreated() + report.totals().activitiesUpdated())
          .isZero();
      assertThat(report.api().calls()).isLessThanOrEqualTo(3);
    }
  }
}
