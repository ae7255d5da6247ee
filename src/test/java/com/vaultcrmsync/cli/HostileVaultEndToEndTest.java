package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.report.RunReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a vault holding a generated corpus of malformed and hostile notes still syncs: every
 * unreadable note is reported with its path and a reason and left byte for byte as it was (mtime
 * too), hostile but valid notes sync with their content stored as written, and the good notes sync.
 * The timeout is a hang guard, not a speed assertion.
 */
class HostileVaultEndToEndTest {
  private static final String GOOD =
      """
      ---
      type: customer
      title: Good Co %d
      ---
      # Good Co %d

      ## Recent Context
      - 2026-01-05: Kickoff %d - first call (via Jeff)
      """;

  @TempDir Path dir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void everyBrokenNoteIsReportedAndUntouchedWhileTheRestSyncs() throws Exception {
    Map<String, byte[]> broken = HostileNotes.broken();
    Map<String, String> valid = HostileNotes.hostileButValid();
    assertThat(broken.size() + valid.size()).isGreaterThanOrEqualTo(50);
    try (SyncHarness h = new SyncHarness(dir)) {
      Map<String, FileTime> mtimes = new HashMap<>();
      for (var e : broken.entrySet()) {
        Path p = h.vault.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, e.getValue());
        mtimes.put(e.getKey(), Files.getLastModifiedTime(p));
      }
      for (var e : valid.entrySet()) {
        h.write(e.getKey(), e.getValue());
      }
      for (int i = 0; i < 3; i++) {
        h.write("good/Good Co " + i + ".md", GOOD.formatted(i, i, i));
      }

      int code = h.sync();

      assertThat(code).as(h.lastOut + h.lastErr).isEqualTo(1);
      RunReport report = h.report();
      Map<String, RunReport.NoteReport> byPath =
          report.notes().stream()
              .collect(Collectors.toMap(RunReport.NoteReport::path, Function.identity()));
      for (var e : broken.entrySet()) {
        RunReport.NoteReport n = byPath.get(e.getKey());
        assertThat(n).as("reported: %s", e.getKey()).isNotNull();
        assertThat(n.action()).as(e.getKey()).isEqualTo("skipped");
        assertThat(n.errors()).as(e.getKey()).isNotEmpty();
        assertThat(n.errors().get(0).message()).as(e.getKey()).isNotBlank();
        Path p = h.vault.resolve(e.getKey());
        assertThat(Files.readAllBytes(p)).as("untouched: %s", e.getKey()).isEqualTo(e.getValue());
        assertThat(Files.getLastModifiedTime(p)).as(e.getKey()).isEqualTo(mtimes.get(e.getKey()));
      }
      assertThat(report.totals().errors()).isGreaterThanOrEqualTo(broken.size());

      for (int i = 0; i < 3; i++) {
        assertThat(h.records("Account", "Name", "Good Co " + i)).hasSize(1);
        assertThat(h.read("good/Good Co " + i + ".md")).contains("salesforce_id: 001");
      }
      assertThat(h.records("Account", "Name", "<script>alert('x')</script>")).hasSize(1);
      assertThat(h.records("Account", "Name", "Evil' OR Name LIKE '%")).hasSize(1);
      assertThat(h.records("Account", "Name", "<b>Bold</b> & \"Quoted\" Co")).hasSize(1);
      assertThat(h.records("Task", "Description", "'; DELETE FROM Account; --\n\nvia Test"))
          .hasSizeLessThanOrEqualTo(1);
      assertThat(h.records("Account")).hasSize(3 + valid.size());
      for (var e : valid.keySet()) {
        assertThat(byPath.get(e).errors()).as(e).isEmpty();
      }

      String html =
          Files.readString(
              h.vault.resolve(".vault-crm-sync/reports/latest.html"), StandardCharsets.UTF_8);
      assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aNoteHardLinkedFromOutsideTheVaultIsReportedNotPushedAndTheLinkStays() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      Path outside = dir.resolve("private.md");
      Files.writeString(outside, GOOD.formatted(7, 7, 7).replace("Good Co", "Private Co"));
      Path linked = Files.createLink(h.vault.resolve("Private Co 7.md"), outside);
      byte[] before = Files.readAllBytes(outside);
      FileTime mtime = Files.getLastModifiedTime(outside);
      h.write("Good Co 1.md", GOOD.formatted(1, 1, 1));

      int code = h.sync();

      assertThat(code).as(h.lastOut + h.lastErr).isEqualTo(1);
      assertThat(h.records("Account", "Name", "Private Co 7")).isEmpty();
      assertThat(h.records("Account", "Name", "Good Co 1")).hasSize(1);
      assertThat(Files.isSameFile(linked, outside)).isTrue();
      assertThat(Files.readAllBytes(outside)).isEqualTo(before);
      assertThat(Files.getLastModifiedTime(outside)).isEqualTo(mtime);
      RunReport.NoteReport n =
          h.report().notes().stream()
              .filter(r -> r.path().equals("Private Co 7.md"))
              .findFirst()
              .orElseThrow();
      assertThat(n.action()).isEqualTo("skipped");
      assertThat(n.errors())
          .extracting(RunReport.Problem::message)
          .anyMatch(m -> m.contains("has 2 hard links; not synced"));
    }
  }
}
