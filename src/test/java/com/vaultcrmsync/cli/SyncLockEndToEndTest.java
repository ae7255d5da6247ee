package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaultcrmsync.sync.state.SyncLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves two syncs never write the same vault at once (the state folder's lock: the second waits or
 * refuses with a clear message), that temp files of a killed write are cleaned up under it, and
 * that the state folder is created readable by its owner only.
 */
class SyncLockEndToEndTest {
  private static final String NOTE =
      """
      ---
      type: customer
      title: Initech
      ---
      # Initech
      ## Recent Context
      - 2026-01-05: Kickoff - first call (via Jeff)
      """;

  @TempDir Path dir;

  @Test
  void aSecondSyncRefusesWithAClearMessageWhileAnotherHoldsTheLock() throws Exception {
    try (SyncHarness h = new SyncHarness(dir, "sync.lock-wait-seconds=0")) {
      h.write("Initech.md", NOTE);
      try (SyncLock other = SyncLock.acquire(h.vault.resolve(".vault-crm-sync"), Duration.ZERO)) {
        assertThat(h.sync()).isEqualTo(3);
      }
      assertThat(h.lastErr)
          .contains("another sync is running on this vault")
          .contains(".vault-crm-sync/sync.lock");
      assertThat(h.records("Account")).isEmpty();
      assertThat(h.read("Initech.md")).isEqualTo(NOTE);

      assertThat(h.sync()).as(h.lastErr).isZero();
      assertThat(h.records("Account")).hasSize(1);
    }
  }

  @Test
  void aSecondSyncWaitsForTheFirstAndThenRuns() throws Exception {
    try (SyncHarness h = new SyncHarness(dir, "sync.lock-wait-seconds=60")) {
      h.write("Initech.md", NOTE);
      SyncLock other = SyncLock.acquire(h.vault.resolve(".vault-crm-sync"), Duration.ZERO);
      CompletableFuture<Integer> second = CompletableFuture.supplyAsync(h::sync);
      try {
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(10))
            .until(() -> !second.isDone() && h.records("Account").isEmpty());
      } finally {
        other.close();
      }
      assertThat(second.get()).isZero();
      assertThat(h.records("Account")).hasSize(1);
    }
  }

  @Test
  void tempFilesOfAKilledWriteAreRemovedByTheNextRun() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.write("Initech.md", NOTE);
      Path stale = h.write("clients/.Initech.md.vcs-tmp-0123456789abcdef", "half a note");
      Path userDotFile = h.write("clients/.keep-me", "not ours");

      assertThat(h.sync()).as(h.lastErr).isZero();

      assertThat(stale).doesNotExist();
      assertThat(userDotFile).exists();
    }
  }

  @Test
  void theStateFolderIsCreatedReadableByItsOwnerOnly() throws Exception {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "the file system has no POSIX permissions to check");
    try (SyncHarness h = new SyncHarness(dir)) {
      h.write("Initech.md", NOTE);

      assertThat(h.sync()).as(h.lastErr).isZero();

      Path state = h.vault.resolve(".vault-crm-sync");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
          .isEqualTo("rwx------");
    }
  }
}
