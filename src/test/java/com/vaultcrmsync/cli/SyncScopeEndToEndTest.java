package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the sync over a vault of tricky notes, the one-account scope, batching across notes, entry
 * removal, and the configuration errors that end a run with exit code 2.
 */
class SyncScopeEndToEndTest {
  @TempDir Path dir;

  @Test
  void aVaultOfTrickyNotesSyncsAroundTheBrokenOneAndKeepsEveryByteItDoesNotOwn() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      Path crlf = h.vault.resolve("Customers/Acme.md");
      Files.createDirectories(crlf.getParent());
      String acme =
          "---\r\ntype: customer   # a comment\r\ntitle: \"Acme “Rockets” — Inc\"\r\n---\r\n# Acme\r\n"
              + "## Recent Context\r\n- 2026-01-02: [[Kickoff|Kick-off]] - First call (via Road Runner)  \r\n"
              + "- unknown: plain text entry\r\n## Key Facts\r\n- fast\r\n";
      Files.writeString(crlf, acme, StandardCharsets.UTF_8);
      Path bom = h.vault.resolve("Partners/Globex.md");
      Files.createDirectories(bom.getParent());
      String globex = "\uFEFF---\ntype: partner\n---\n# Globex";
      Files.writeString(bom, globex, StandardCharsets.UTF_8);
      h.write("Broken.md", "---\ntype: customer\ntitle: [unclosed\n---\n# Broken\n");
      h.write("Meetings/Standup.md", "---\ntype: meeting\n---\n# Standup\n");
      h.write(".obsidian/Hidden.md", "---\ntype: customer\n---\n# Hidden\n");
      String broken = h.read("Broken.md");

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(1);

      assertThat(h.records("Account"))
          .extracting(a -> a.get("Name"))
          .containsExactlyInAnyOrder("Microsoft", "Acme “Rockets” — Inc", "Globex");
      String acmeId =
          (String) h.records("Account", "Name", "Acme “Rockets” — Inc").get(0).get("Id");
      assertThat(h.records("Task", "WhatId", acmeId))
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.get("Subject")).isEqualTo("Kickoff");
                assertThat(t.get("Description")).isEqualTo("First call (via Road Runner)");
              });
      assertThat(Files.readString(crlf, StandardCharsets.UTF_8))
          .isEqualTo(
              acme.replace(
                  "Inc\"\r\n---",
                  "Inc\"\r\nsalesforce_id: " + acmeId + "\r\nlast_contact: 2026-01-02\r\n---"));
      String globexId = (String) h.records("Account", "Name", "Globex").get(0).get("Id");
      assertThat(Files.readString(bom, StandardCharsets.UTF_8))
          .isEqualTo("\uFEFF---\ntype: partner\nsalesforce_id: " + globexId + "\n---\n# Globex");
      assertThat(h.read("Broken.md")).isEqualTo(broken);
      RunReport report = h.report();
      RunReport.NoteReport brokenReport =
          report.notes().stream()
              .filter(n -> n.path().equals("Broken.md"))
              .findFirst()
              .orElseThrow();
      assertThat(brokenReport.errors()).isNotEmpty();
      assertThat(brokenReport.errors().get(0).line()).isNotNull();
      assertThat(report.notes())
          .extracting(RunReport.NoteReport::path)
          .doesNotContain("Meetings/Standup.md", ".obsidian/Hidden.md");
    }
  }

  @Test
  void oneAccountIsReconciledRegardlessOfTheWatermark() throws Exception {
    try (SyncHarness h = new SyncHarness(dir, "sync.pull.lookback-seconds=0")) {
      h.copySeed();
      h.write("Other.md", "---\ntype: customer\naliases: [Contoso]\n---\n# Other\n");
      assertThat(h.sync()).isEqualTo(0);
      String task = h.colleagueTask("Microsoft", "Late call", LocalDate.of(2026, 3, 3));
      try (StateStore state = StateStore.open(h.vault.resolve(".vault-crm-sync"))) {
        state.putWatermark(Instant.now().plus(1, ChronoUnit.DAYS));
      }
      assertThat(h.sync()).isEqualTo(0);
      assertThat(h.read("Microsoft.md")).doesNotContain(task);

      assertThat(h.sync("--account", "microsoft")).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.read("Microsoft.md"))
          .contains("Late call (via Salesforce: Dana Lee) ^sf-" + task);
      RunReport report = h.report();
      assertThat(report.run().mode()).isEqualTo("account");
      assertThat(report.run().scope()).isEqualTo("microsoft");
      String account = (String) h.records("Account", "Name", "Microsoft").get(0).get("Id");
      assertThat(h.sync("--account", account)).isEqualTo(0);
      assertThat(h.sync("--account", "Microsoft.md")).isEqualTo(0);
      assertThat(h.sync("--account", "contoso")).isEqualTo(0);
      assertThat(h.report().notes()).extracting(RunReport.NoteReport::path).contains("Other.md");
      assertThat(h.sync("--account", "Nobody")).isEqualTo(2);
      assertThat(h.lastErr).contains("Nobody");
    }
  }

  @Test
  void entriesOfManyNotesAreUpsertedInCollectionsOfTwoHundredAcrossNotes() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      for (int n = 0; n < 3; n++) {
        StringBuilder note =
            new StringBuilder(
                "---\ntype: customer\n---\n# Customer " + n + "\n## Recent Context\n");
        for (int i = 0; i < 150; i++) {
          note.append("- ")
              .append(LocalDate.of(2025, 1, 1).plusDays(i))
              .append(": Meeting ")
              .append(i)
              .append('\n');
        }
        h.write("Customer " + n + ".md", note.toString());
      }

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.records("Task")).hasSize(450);
      RunReport report = h.report();
      assertThat(report.api().byOperation())
          .containsEntry("compositeUpsertSObjectCollections", 3)
          .containsEntry("compositeCreateSObjectCollections", 1);
      // First watermark, 1 create, 3 upserts: the org holds no Account, so no identity query.
      assertThat(report.api().calls()).isEqualTo(5);
    }
  }

  @Test
  void aRemovedEntryIsReportedAndItsTaskDeletedOnlyWhenPropagationIsOn() throws Exception {
    try (SyncHarness h = new SyncHarness(dir, "sync.deletes.vault-to-crm=true")) {
      h.copySeed();
      assertThat(h.sync()).isEqualTo(0);
      List<String> lines = new ArrayList<>(h.read("Microsoft.md").lines().toList());
      lines.removeIf(l -> l.startsWith("- 2025-12-19:"));
      h.write("Microsoft.md", String.join("\n", lines) + "\n");

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.records("Task")).hasSize(7);
      assertThat(h.report().notes().get(0).entries())
          .anySatisfy(e -> assertThat(e.action()).isEqualTo("deleted"));
    }
  }

  @Test
  void anActivityDeletedInTheCrmIsReportedAndItsEntryRemovedOnlyWhenPropagationIsOn()
      throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      assertThat(h.sync()).isEqualTo(0);
      String task = h.colleagueTask("Microsoft", "Gone soon", LocalDate.of(2026, 4, 4));
      assertThat(h.sync()).isEqualTo(0);
      String withLine = h.read("Microsoft.md");
      assertThat(withLine).contains("^sf-" + task);
      h.org.delete(task);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      assertThat(h.read("Microsoft.md")).isEqualTo(withLine);
      assertThat(h.report().notes().get(0).entries())
          .anySatisfy(e -> assertThat(e.reason()).contains("stays in the note"));

      Files.writeString(
          h.config, Files.readString(h.config) + "\nsync.deletes.crm-to-vault=true\n");
      // The delete was already seen; reading it again takes a watermark before it.
      try (StateStore state = StateStore.open(h.vault.resolve(".vault-crm-sync"))) {
        state.putWatermark(Instant.parse("2020-01-01T00:00:00Z"));
      }
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      String after = h.read("Microsoft.md");
      assertThat(after).doesNotContain(task);
      assertThat(after)
          .isEqualTo(
              withLine.replace(
                  withLine.lines().filter(l -> l.contains(task)).findFirst().orElseThrow() + "\n",
                  ""));
    }
  }

  @Test
  void aBadMappingFileEndsTheRunWithExitTwoNamingFileLineAndKey() throws Exception {
    Path mappings = Files.createDirectories(dir.resolve("mappings"));
    Files.writeString(
        mappings.resolve("accounts.yaml"),
        "kind: account\nselect:\n  types: [customer]\nfields:\n  Name: \"${variable.title\"\n");
    Files.writeString(
        mappings.resolve("activities.yaml"), "kind: activity\nfields:\n  Subject: x\n");
    try (SyncHarness h = new SyncHarness(dir, "sync.mappings-dir=" + mappings)) {
      h.copySeed();

      assertThat(h.sync()).isEqualTo(2);

      assertThat(h.lastErr).contains("accounts.yaml:5").contains("fields.Name");
      assertThat(h.records("Account")).isEmpty();
    }
  }
}
