package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.report.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves what happens to notes between and during runs: a renamed or moved note keeps its Account
 * through its id property (no duplicate), a deleted note is reported and nothing is deleted in the
 * CRM, and a note that cannot be written (immutable folder or file: the disk refusing the write, as
 * when it is full) is left exactly as it was, reported, and written by a later run. (A note edited
 * between the sync's read and write: {@code SyncSafetyEndToEndTest}.)
 */
class VaultRacesEndToEndTest {
  private static final String NOTE =
      """
      ---
      type: customer
      title: Acme
      ---
      # Acme

      ## Recent Context
      - 2026-01-05: Kickoff - first call (via Jeff)
      - 2026-01-12: Review - second call (via Dana)
      """;

  @TempDir Path dir;

  @Test
  void aNoteRenamedAndMovedBetweenRunsKeepsItsAccountWithoutADuplicate() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      Path note = h.write("Acme.md", NOTE);
      assertThat(h.sync()).as(h.lastErr).isZero();
      String id = (String) h.records("Account").get(0).get("Id");

      Path moved = h.vault.resolve("clients/2026/Acme Corporation.md");
      Files.createDirectories(moved.getParent());
      Files.move(note, moved);
      Files.writeString(
          moved, Files.readString(moved) + "- 2026-01-20: Follow-up - third call (via Jeff)\n");

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();

      assertThat(h.records("Account")).hasSize(1);
      assertThat(h.records("Task", "WhatId", id)).hasSize(3);
      Map<String, RunReport.NoteReport> notes = byPath(h.report());
      assertThat(notes.get("clients/2026/Acme Corporation.md").crmId()).isEqualTo(id);
      assertThat(notes.get("Acme.md").action()).isEqualTo("moved");
      assertThat(notes.get("Acme.md").reason()).contains("clients/2026/Acme Corporation.md");
      assertThat(h.sync()).isZero();
      assertThat(h.report().api().calls()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void aDeletedNoteIsReportedAndNothingIsDeletedInTheCrm() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      Path note = h.write("Acme.md", NOTE);
      h.write("Other.md", NOTE.replace("Acme", "Other"));
      assertThat(h.sync()).as(h.lastErr).isZero();
      String id = (String) h.records("Account", "Name", "Acme").get(0).get("Id");

      Files.delete(note);
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();

      RunReport.NoteReport gone = byPath(h.report()).get("Acme.md");
      assertThat(gone.action()).isEqualTo("deleted");
      assertThat(gone.reason()).contains(id).contains("stay in the CRM");
      assertThat(h.records("Account", "Name", "Acme")).hasSize(1);
      assertThat(h.records("Task", "WhatId", id)).hasSize(2);
    }
  }

  @Test
  void aNoteInAFolderThatRefusesWritesIsLeftAsItWasReportedAndWrittenLater() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      Path note = h.write("locked/Acme.md", NOTE);
      h.write("Other.md", NOTE.replace("Acme", "Other"));
      Path folder = note.getParent();
      String refused = chattr("+i", folder);
      Assumptions.assumeTrue(refused == null, () -> "no immutable folder here: " + refused);
      List<Map<String, Object>> accounts;
      try {
        assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(1);

        assertThat(Files.readString(note)).isEqualTo(NOTE);
        try (var files = Files.list(folder)) {
          assertThat(files).containsExactly(note);
        }
        RunReport.NoteReport failed = byPath(h.report()).get("locked/Acme.md");
        assertThat(failed.errors()).isNotEmpty();
        assertThat(failed.errors().get(0).message()).contains("locked/Acme.md");
        assertThat(h.read("Other.md")).contains("salesforce_id: ");
        accounts = h.records("Account");
      } finally {
        assertThat(chattr("-i", folder)).isNull();
      }
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();
      assertThat(h.records("Account")).isEqualTo(accounts);
      assertThat(h.read("locked/Acme.md")).contains("salesforce_id: ");
    }
  }

  @Test
  void aNoteFileThatRefusesToBeReplacedIsLeftAsItWasAndReported() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      Path note = h.write("Acme.md", NOTE);
      String refused = chattr("+i", note);
      Assumptions.assumeTrue(refused == null, () -> "no immutable note here: " + refused);
      try {
        assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(1);
        assertThat(Files.readString(note)).isEqualTo(NOTE);
        assertThat(byPath(h.report()).get("Acme.md").errors()).isNotEmpty();
        try (var files = Files.list(h.vault)) {
          assertThat(files.map(p -> p.getFileName().toString()))
              .noneMatch(n -> n.contains(".vcs-tmp-"));
        }
      } finally {
        assertThat(chattr("-i", note)).isNull();
      }
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();
      assertThat(h.records("Account")).hasSize(1);
      assertThat(h.read("Acme.md")).contains("salesforce_id: ");
    }
  }

  private static Map<String, RunReport.NoteReport> byPath(RunReport report) {
    return report.notes().stream()
        .collect(Collectors.toMap(RunReport.NoteReport::path, n -> n, (a, b) -> a));
  }

  /**
   * Sets or clears the immutable attribute (even root cannot write an immutable file): null when it
   * worked, else why not (chattr, from e2fsprogs, missing; not root; a file system without the
   * attribute, such as tmpfs or overlayfs).
   */
  private static String chattr(String flag, Path path) throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? null : "chattr " + flag + " failed: " + output.strip();
    } catch (IOException e) {
      return "chattr (e2fsprogs) cannot run: " + e.getMessage();
    }
  }
}
