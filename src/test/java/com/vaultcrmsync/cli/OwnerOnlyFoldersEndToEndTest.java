package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the folders and files the sync creates or writes are owner-only (rwx------, rw-------)
 * where the user chose them: a custom {@code sync.state-dir} that already exists with 755 and a
 * custom {@code sync.report-dir} that the run creates.
 */
class OwnerOnlyFoldersEndToEndTest {
  @TempDir Path dir;

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void aCustomStateAndReportFolderAndEveryFileInThemAreOwnerOnly() throws Exception {
    Path state = Files.createDirectories(dir.resolve("custom-state"));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path reports = dir.resolve("custom/reports");
    try (SyncHarness h =
        new SyncHarness(dir, "sync.state-dir=" + state, "sync.report-dir=" + reports)) {
      h.write(
          "Acme.md",
          "---\ntype: customer\ntitle: Acme\n---\n# Acme\n\n## Recent Context\n"
              + "- 2026-01-05: Kickoff - first call (via Jeff)\n");

      int code = h.sync();

      assertThat(code).as(h.lastOut + h.lastErr).isZero();
      assertThat(mode(state)).isEqualTo("rwx------");
      assertThat(mode(state.resolve("state.mv.db"))).isEqualTo("rw-------");
      assertThat(mode(reports)).isEqualTo("rwx------");
      List<Path> written;
      try (Stream<Path> files = Files.list(reports)) {
        written = files.toList();
      }
      assertThat(written)
          .extracting(p -> p.getFileName().toString())
          .contains("latest.json", "latest.md", "latest.html")
          .hasSizeGreaterThanOrEqualTo(6);
      for (Path p : written) {
        assertThat(mode(p)).as(p.toString()).isEqualTo("rw-------");
      }
    }
  }
}
