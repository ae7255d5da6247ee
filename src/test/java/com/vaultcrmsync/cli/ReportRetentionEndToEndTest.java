package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a sync keeps only the newest {@code report.keep-runs} runs' reports in its report
 * folder, and that a dry run deletes none.
 */
class ReportRetentionEndToEndTest {
  @TempDir Path dir;

  @Test
  void aSyncDeletesTheReportsOfOlderRunsBeyondTheKeptNumberAndADryRunDeletesNone()
      throws IOException {
    try (SyncHarness h = new SyncHarness(dir, "report.keep-runs=2")) {
      h.copySeed();
      Path reports = Files.createDirectories(h.vault.resolve(".vault-crm-sync/reports"));
      for (String stem : List.of("20200101T000000Z-full", "20200102T000000Z-full")) {
        for (String ext : List.of("json", "md", "html")) {
          Files.writeString(reports.resolve(stem + "." + ext), "{}");
        }
      }

      assertThat(h.sync("--dry-run")).as(h.lastOut + h.lastErr).isEqualTo(0);
      assertThat(stems(reports)).contains("20200101T000000Z-full", "20200102T000000Z-full");

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);
      List<String> left = stems(reports);
      assertThat(left).hasSize(2).doesNotContain("20200101T000000Z-full", "20200102T000000Z-full");
      assertThat(left)
          .anyMatch(s -> s.endsWith("-full-dry-run"))
          .anyMatch(s -> s.endsWith("-full"));
      assertThat(reports.resolve("latest.json")).exists();
      assertThat(reports.resolve("latest.md")).exists();
      assertThat(reports.resolve("latest.html")).exists();
    }
  }

  /** The distinct run stems of the timestamped reports in {@code reports}. */
  private static List<String> stems(Path reports) throws IOException {
    try (Stream<Path> files = Files.list(reports)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d{8}T\\d{6}Z-.*\\.(json|md|html)"))
          .map(n -> n.substring(0, n.lastIndexOf('.')))
          .distinct()
          .toList();
    }
  }
}
