package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaultcrmsync.emulator.http.Faults;
import com.vaultcrmsync.report.RunReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the sync's safety rules end to end against the emulated org: conflicts under each policy,
 * the mass-change halt, the API budget stop and resume, and a note edited while the sync runs.
 */
class SyncSafetyEndToEndTest {
  private static final String EDITED_FROM = "about how to approach Microsoft/OpenAI storage ...";
  private static final String EDITED_TO =
      "about how to approach Microsoft/OpenAI storage (vault edit)";

  @TempDir Path dir;

  private static Map<String, Object> taskOfEntry(SyncHarness h) {
    return h.records("Task", "Subject", "2025-12-19").get(0);
  }

  @Test
  void aVaultEntryAndItsTaskChangedOnBothSidesIsReportedAndNothingOverwritten() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      assertThat(h.sync()).isEqualTo(0);
      String taskId = (String) taskOfEntry(h).get("Id");
      h.org.updateAs("Dana Lee", "Task", taskId, Map.of("Description", "CRM edit"));
      String note = h.read("Microsoft.md").replace(EDITED_FROM, EDITED_TO);
      h.write("Microsoft.md", note);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(1);

      assertThat(taskOfEntry(h).get("Description")).isEqualTo("CRM edit");
      assertThat(h.read("Microsoft.md")).isEqualTo(note);
      RunReport report = h.report();
      assertThat(report.run().outcome()).isEqualTo("partial");
      assertThat(report.totals().conflicts()).isEqualTo(1);
      assertThat(report.notes().get(0).conflicts().get(0).resolution()).isEqualTo("reported");
    }
  }

  @Test
  void withVaultWinsTheVaultEditOverwritesTheCrmEdit() throws Exception {
    try (SyncHarness h = new SyncHarness(dir, "sync.conflict-policy=vault-wins")) {
      h.copySeed();
      assertThat(h.sync()).isEqualTo(0);
      h.org.updateAs(
          "Dana Lee", "Task", (String) taskOfEntry(h).get("Id"), Map.of("Description", "CRM edit"));
      h.write("Microsoft.md", h.read("Microsoft.md").replace(EDITED_FROM, EDITED_TO));

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat((String) taskOfEntry(h).get("Description")).contains("(vault edit)");
      assertThat(h.report().notes().get(0).conflicts().get(0).resolution()).isEqualTo("vault-wins");
    }
  }

  @Test
  void withCrmWinsACrmEntryEditedOnBothSidesTakesTheCrmVersion() throws Exception {
    try (SyncHarness h = new SyncHarness(dir, "sync.conflict-policy=crm-wins")) {
      h.copySeed();
      assertThat(h.sync()).isEqualTo(0);
      String task = h.colleagueTask("Microsoft", "Pricing call", LocalDate.of(2026, 2, 2));
      assertThat(h.sync()).isEqualTo(0);
      h.write(
          "Microsoft.md",
          h.read("Microsoft.md").replace("Pricing call", "Pricing call (my notes)"));
      h.org.updateAs("Dana Lee", "Task", task, Map.of("Subject", "Pricing call, revised"));

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.read("Microsoft.md"))
          .contains("- 2026-02-02: Pricing call, revised (via Salesforce: Dana Lee) ^sf-" + task)
          .doesNotContain("(my notes)");
      assertThat(h.report().notes().get(0).conflicts().get(0).resolution()).isEqualTo("crm-wins");
    }
  }

  @Test
  void overwritingMostLinkedAccountsHaltsUntilForced() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      for (String name : List.of("Alpha", "Beta", "Gamma", "Delta")) {
        h.write(name + ".md", "---\ntype: customer\n---\n# " + name + "\n## Key Facts\n- old\n");
      }
      assertThat(h.sync()).isEqualTo(0);
      for (String name : List.of("Alpha", "Beta", "Gamma", "Delta")) {
        h.write(name + ".md", h.read(name + ".md").replace("- old", "- new"));
      }
      Map<String, String> notes = h.snapshot();

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(3);

      assertThat(h.records("Account")).allMatch(a -> "- old".equals(a.get("Description")));
      assertThat(h.snapshot()).isEqualTo(notes);
      assertThat(h.report().run().outcome()).isEqualTo("halted");
      assertThat(h.report().run().message()).contains("mass change");

      assertThat(h.sync("--force")).as(h.lastOut + h.lastErr).isEqualTo(0);
      assertThat(h.records("Account")).allMatch(a -> "- new".equals(a.get("Description")));
    }
  }

  @Test
  void theApiBudgetStopsARunCleanlyAndTheNextRunResumes() throws Exception {
    // A first load into an empty org costs 3 calls (first watermark, create, upsert): 2 stop it.
    try (SyncHarness h = new SyncHarness(dir, "sync.api.max-calls-per-run=2")) {
      h.copySeed();
      String note = h.read("Microsoft.md");

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(3);

      assertThat(h.report().run().outcome()).isEqualTo("halted");
      assertThat(h.report().run().message()).contains("API budget");
      assertThat(h.records("Account")).hasSize(1);
      assertThat(h.records("Task")).isEmpty();
      assertThat(h.read("Microsoft.md")).isEqualTo(note);

      Files.writeString(
          h.config,
          Files.readString(h.config).replace("sync.api.max-calls-per-run=2", ""),
          StandardCharsets.UTF_8);
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.records("Account")).hasSize(1);
      assertThat(h.records("Task")).hasSize(8);
      assertThat(h.read("Microsoft.md"))
          .contains("salesforce_id: " + h.records("Account").get(0).get("Id"));
    }
  }

  @Test
  void theDailyAllowanceFromSforceLimitInfoStopsTheRunBeforeItIsExhausted() throws Exception {
    try (SyncHarness h = new SyncHarness(dir, "sync.api.reserve-share=0.5")) {
      h.copySeed();
      h.org.setFaults(Faults.NONE, 4);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(3);

      assertThat(h.report().run().message()).contains("daily calls remain");
      assertThat(h.report().api().dailyRemaining()).isGreaterThanOrEqualTo(2);
      assertThat(h.records("Task")).isEmpty();

      h.org.setFaults(Faults.NONE, 15000);
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      assertThat(h.records("Account")).hasSize(1);
      assertThat(h.records("Task")).hasSize(8);
    }
  }

  @Test
  void aNoteEditedWhileTheSyncRunsIsNotOverwrittenAndIsSyncedNextRun() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      h.org.setFaults(new Faults(503, 0, null, 0, 400, 0), null);
      CompletableFuture<Integer> run = CompletableFuture.supplyAsync(h::sync);
      await().atMost(Duration.ofSeconds(30)).until(() -> h.org.stats().calls("queryAll") >= 1);
      String edited = h.read("Microsoft.md") + "\nA line the user typed during the sync.\n";
      h.write("Microsoft.md", edited);

      assertThat(run.get()).isEqualTo(1);

      assertThat(h.read("Microsoft.md")).isEqualTo(edited);
      assertThat(h.report().notes().get(0).errors().get(0).message())
          .contains("changed while the sync ran");
      h.org.clearFaults();

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      String after = h.read("Microsoft.md");
      assertThat(after)
          .contains("A line the user typed during the sync.")
          .contains("salesforce_id: ");
      assertThat(h.records("Account")).hasSize(1);
      assertThat(h.records("Task")).hasSize(8);
    }
  }

  @Test
  void recordsRefusedInsideACollectionAreReportedOneByOneAndTheRestIsApplied() throws Exception {
    try (SyncHarness h = new SyncHarness(dir, "crm.retry.max-retries=0")) {
      h.copySeed();
      h.org.setFaults(new Faults(503, 0, null, 0, 0, 3), null);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(1);

      RunReport report = h.report();
      long failed =
          report.notes().get(0).entries().stream().filter(e -> "failed".equals(e.action())).count();
      assertThat(failed).isPositive();
      assertThat(h.records("Task")).hasSize(8 - (int) failed);
      assertThat(report.notes().get(0).errors())
          .anySatisfy(e -> assertThat(e.message()).contains("UNABLE_TO_LOCK_ROW"));

      h.org.clearFaults();
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      assertThat(h.records("Task")).hasSize(8);
      assertThat(h.records("Account")).hasSize(1);
    }
  }
}
