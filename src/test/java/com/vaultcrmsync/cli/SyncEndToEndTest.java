package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.emulator.http.Faults;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.state.StateStore;
import java.nio.file.Path;
import java.time.LocalDate;
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
      String frontMatter =
          "---\ntype: customer\ntitle: Microsoft\nlast_contact: %s\ncreated: '2026-01-03'\n"
              + "tags:\n- type/customer\n- generated\n%s---\n";
      assertThat(before).startsWith(frontMatter.formatted("unknown", ""));
      // Only last_contact (the newest dated entry) and salesforce_id (added after the last key)
      // change: created keeps its quotes and tags its place and order, byte for byte.
      assertThat(after)
          .startsWith(frontMatter.formatted("2025-12-19", "salesforce_id: " + accountId + "\n"));
      assertThat(body(after)).isEqualTo(body(before));
      try (StateStore state = StateStore.readOnly(h.vault.resolve(".vault-crm-sync"))) {
        assertThat(state.auditLog())
            .extracting(a -> a.get("target") + " " + a.get("action"))
            .contains("crm create", "vault write", "state watermark");
        assertThat(state.auditLog())
            .filteredOn(a -> "vault".equals(a.get("target")))
            .allSatisfy(a -> assertThat(a.get("after")).isNotNull());
      }
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

  @Test
  void aColleaguesCrmTaskFlowsIntoTheNoteAndALaterCrmChangeUpdatesItsLine() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      String account = (String) h.records("Account", "Name", "Microsoft").get(0).get("Id");
      String task =
          h.org.insertAs(
              "Dana Lee",
              "Task",
              Map.of(
                  "Subject", "Quarterly review call",
                  "Description", "Discussed renewal",
                  "ActivityDate", LocalDate.of(2026, 1, 15),
                  "Status", "Completed",
                  "WhatId", account));

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      String line =
          "- 2026-01-15: Quarterly review call - Discussed renewal (via Salesforce: Dana Lee) ^sf-"
              + task;
      String note = h.read("Microsoft.md");
      assertThat(note).contains("last_contact: 2026-01-15\n");
      assertThat(note.indexOf(line)).isPositive().isLessThan(note.indexOf("- 2025-12-19:"));
      assertThat(note.indexOf(line))
          .isGreaterThan(note.indexOf("- unknown: [[2025-10 - Lior Genzel]]"));
      assertThat(h.report().totals().entriesAdded()).isEqualTo(1);
      assertThat(h.records("Task")).hasSize(9);

      h.org.updateAs("Dana Lee", "Task", task, Map.of("Description", "Renewal signed"));
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      assertThat(h.read("Microsoft.md"))
          .contains(line.replace("Discussed renewal", "Renewal signed"))
          .doesNotContain("Discussed renewal");

      Map<String, String> notes = h.snapshot();
      assertThat(h.sync()).isEqualTo(0);
      assertThat(h.snapshot()).isEqualTo(notes);
      assertThat(h.records("Task")).hasSize(9);
    }
  }

  @Test
  void crmTextThatObsidianWouldRenderIsNeutralisedAndReadsBackWithoutChurn() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      String account = (String) h.records("Account", "Name", "Microsoft").get(0).get("Id");
      String task =
          h.org.insertAs(
              "Dana Lee",
              "Task",
              Map.of(
                  "Subject",
                  "Call ![x](http://evil.example/x.png)",
                  "Description",
                  "see [this](javascript:alert(1)) and <img src=x> %% the rest is hidden",
                  "ActivityDate",
                  LocalDate.of(2026, 1, 15),
                  "WhatId",
                  account));

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      String line =
          "- 2026-01-15: Call \\![x](http://evil.example/x.png) - see [this](javascript\\:alert(1))"
              + " and \\<img src=x> \\%\\% the rest is hidden (via Salesforce: Dana Lee) ^sf-"
              + task;
      String note = h.read("Microsoft.md");
      assertThat(note).contains(line);
      assertThat(note.replace("\\![", "")).doesNotContain("![");
      assertThat(note.replace("\\%\\%", "")).doesNotContain("%%");
      assertThat(h.report().totals().entriesAdded()).isEqualTo(1);

      Map<String, String> notes = h.snapshot();
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      assertThat(h.snapshot()).isEqualTo(notes);
      assertThat(h.report().totals().notesWritten()).isZero();
      assertThat(h.records("Task", "Id", task))
          .singleElement()
          .satisfies(
              r -> assertThat(r.get("Subject")).isEqualTo("Call ![x](http://evil.example/x.png)"));
    }
  }

  @Test
  void anEditedEntryUpdatesItsTaskInsteadOfCreatingAnother() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      assertThat(h.sync()).isEqualTo(0);
      String edited =
          h.read("Microsoft.md")
              .replace(
                  "about how to approach Microsoft/OpenAI storage ...",
                  "about how to approach Microsoft/OpenAI storage, with next steps");
      h.write("Microsoft.md", edited);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.records("Task")).hasSize(8);
      assertThat(h.records("Task"))
          .filteredOn(t -> String.valueOf(t.get("Description")).contains("with next steps"))
          .hasSize(1);
      assertThat(h.report().totals().activitiesUpdated()).isEqualTo(1);
      assertThat(h.report().totals().activitiesCreated()).isZero();
    }
  }

  @Test
  void preExistingAccountsAreMatchedByNameAndByAliasWithoutCreatingAny() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      String microsoft = h.org.insertAs("Dana Lee", "Account", Map.of("Name", "MICROSOFT"));
      String initech = h.org.insertAs("Dana Lee", "Account", Map.of("Name", "Initech"));
      h.copySeed();
      h.write(
          "Partners/Initech Corporation.md",
          "---\ntype: partner\naliases:\n- initech\n---\n# Initech Corporation\n");

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.records("Account")).hasSize(2);
      RunReport report = h.report();
      assertThat(report.notes())
          .extracting(
              RunReport.NoteReport::path, RunReport.NoteReport::match, RunReport.NoteReport::crmId)
          .contains(
              org.assertj.core.groups.Tuple.tuple("Microsoft.md", "name", microsoft),
              org.assertj.core.groups.Tuple.tuple(
                  "Partners/Initech Corporation.md", "alias", initech));
      assertThat(h.read("Partners/Initech Corporation.md")).contains("salesforce_id: " + initech);
      assertThat(h.records("Task", "WhatId", microsoft)).hasSize(8);
    }
  }

  @Test
  void anAmbiguousMatchWritesNothingForThatNote() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.org.insertAs("Dana Lee", "Account", Map.of("Name", "Microsoft"));
      h.org.insertAs("Dana Lee", "Account", Map.of("Name", "Microsoft Corp"));
      h.copySeed();
      String before = h.read("Microsoft.md");
      h.write("Microsoft.md", before.replace("tags:", "aliases:\n- Microsoft Corp\ntags:"));
      String note = h.read("Microsoft.md");

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(1);

      assertThat(h.read("Microsoft.md")).isEqualTo(note);
      assertThat(h.records("Account")).hasSize(2);
      assertThat(h.records("Task")).isEmpty();
      RunReport.NoteReport r = h.report().notes().get(0);
      assertThat(r.match()).isEqualTo("ambiguous");
      assertThat(r.errors()).isNotEmpty();
    }
  }

  @Test
  void aHostileNameStaysInsideItsQueryLiteral() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.org.insertAs("Dana Lee", "Account", Map.of("Name", "Other Co"));
      String hostile = "x\\' OR Name != \\'y";
      h.write(
          "Hostile.md",
          "---\ntype: customer\ntitle: \"" + hostile.replace("\\", "\\\\") + "\"\n---\n");

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.report().notes().get(0).match()).isEqualTo("created");
      assertThat(h.records("Account")).hasSize(2);
      assertThat(h.records("Account", "Name", hostile)).hasSize(1);
    }
  }

  @Test
  void aDryRunWritesNothingAnywhereButReportsThePlan() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      Map<String, String> notes = h.snapshot();

      assertThat(h.sync("--dry-run")).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.snapshot()).isEqualTo(notes);
      assertThat(h.records("Account")).isEmpty();
      assertThat(h.records("Task")).isEmpty();
      assertThat(h.vault.resolve(".vault-crm-sync/state.mv.db")).doesNotExist();
      RunReport report = h.report();
      assertThat(report.run().dryRun()).isTrue();
      assertThat(report.totals().accountsCreated()).isEqualTo(1);
      assertThat(report.totals().activitiesCreated()).isEqualTo(8);
    }
  }

  @Test
  void aDeletedStateFolderBetweenRunsCreatesNoDuplicates() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      assertThat(h.sync()).isEqualTo(0);
      h.colleagueTask("Microsoft", "Call", LocalDate.of(2026, 2, 1));
      assertThat(h.sync()).isEqualTo(0);
      String note = h.read("Microsoft.md");
      deleteTree(h.vault.resolve(".vault-crm-sync"));

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.records("Account")).hasSize(1);
      assertThat(h.records("Task")).hasSize(9);
      assertThat(h.read("Microsoft.md")).isEqualTo(note);
      assertThat(h.report().totals().activitiesCreated()).isZero();
    }
  }

  @Test
  void anExpiredSessionMidRunIsRenewedTransparently() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      h.org.setFaults(new Faults(503, 0, null, 2, 0, 0), null);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.records("Account")).hasSize(1);
      assertThat(h.records("Task")).hasSize(8);
      assertThat(h.org.stats().oauth().getOrDefault("token", 0L)).isGreaterThan(1L);
    }
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var files = java.nio.file.Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(p);
      }
    }
  }

  /** The note after its front matter. */
  private static String body(String note) {
    return note.substring(note.indexOf("\n---\n") + 5);
  }
}
