package com.vaultcrmsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that pruning keeps the newest runs' reports and never touches any other file. */
class ReportRetentionTest {
  @TempDir Path dir;

  @Test
  void theReportsOfAllButTheNewestRunsAreDeletedAndEverythingElseStays() throws IOException {
    for (String stem :
        new String[] {
          "20261127T060000Z-full",
          "20261127T061500Z-note",
          "20261127T063000Z-full-dry-run",
          "20261127T064500Z-full"
        }) {
      for (String ext : new String[] {"json", "md", "html"}) {
        Files.writeString(dir.resolve(stem + "." + ext), stem);
      }
    }
    for (String other :
        new String[] {
          "latest.json", "latest.md", "latest.html", "notes.txt", "20261127T050000Z-full.json.bak"
        }) {
      Files.writeString(dir.resolve(other), other);
    }
    Files.writeString(dir.resolve(".writing-20261127T050000Z-full.json"), "temp");

    int deleted = new ReportRetention().prune(dir.toString(), 2);

    assertThat(deleted).isEqualTo(6);
    assertThat(names())
        .containsExactlyInAnyOrder(
            "20261127T063000Z-full-dry-run.json",
            "20261127T063000Z-full-dry-run.md",
            "20261127T063000Z-full-dry-run.html",
            "20261127T064500Z-full.json",
            "20261127T064500Z-full.md",
            "20261127T064500Z-full.html",
            "latest.json",
            "latest.md",
            "latest.html",
            "notes.txt",
            "20261127T050000Z-full.json.bak",
            ".writing-20261127T050000Z-full.json");
  }

  @Test
  void keepingZeroRunsMeansKeepingEverything() throws IOException {
    Files.writeString(dir.resolve("20261127T060000Z-full.json"), "{}");

    assertThat(new ReportRetention().prune(dir.toString(), 0)).isZero();
    assertThat(names()).containsExactly("20261127T060000Z-full.json");
  }

  @Test
  void aMissingFolderIsReportedNotThrown() {
    assertThat(new ReportRetention().prune(dir.resolve("gone").toString(), 3)).isZero();
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
