package com.vaultcrmsync.daemon;

import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.sync.plan.Fingerprint;
import com.vaultcrmsync.sync.state.StateException;
import com.vaultcrmsync.sync.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Echo suppression for the vault watch: a note whose bytes hash to what the state store recorded
 * after the last sync is exactly as the sync left it (typically the sync's own write-back), so a
 * file event for it is no reason to sync.
 */
public final class SyncedNotes {
  private final Path vault;
  private final Path stateDir;

  public SyncedNotes(Path vault, Path stateDir) {
    this.vault = vault;
    this.stateDir = stateDir;
  }

  /** True when the note at the vault-relative path is unchanged since the last sync recorded it. */
  public boolean unchanged(String relativePath) {
    Path file = vault.resolve(relativePath).normalize();
    if (!file.startsWith(vault) || !Files.isRegularFile(file)) {
      return false;
    }
    // Read-only: no schema statements on open and nothing to write back on close, which made this
    // check cost seconds on a large state before every note sync of the daemon.
    try (StateStore state = StateStore.readOnly(stateDir)) {
      String hash = Fingerprint.of(Files.readAllBytes(file));
      return state.note(relativePath).map(n -> n.contentHash().equals(hash)).orElse(false);
    } catch (IOException | StateException e) {
      return false;
    }
  }

  /** As {@link #unchanged(String)} for a note run's key. */
  public boolean unchanged(SyncRequest request) {
    return request.mode() == SyncRequest.Mode.NOTE && unchanged(request.key());
  }
}
