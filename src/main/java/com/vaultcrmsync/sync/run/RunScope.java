package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.sync.RunSetup;
import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.vault.NoteFile;
import com.vaultcrmsync.vault.VaultListing;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a run covers, and what follows from it: how it lists the vault and picks its notes, and
 * whether it is the whole vault's run (pulls since the watermark, reads notes in batches, reports
 * and forgets notes that left the vault, moves the watermark). A run of one account or one note
 * changes only that note: it pulls that Account's activities and never moves the watermark.
 */
sealed interface RunScope permits RunScope.WholeVault, RunScope.OneAccount, RunScope.OneNote {

  static RunScope of(SyncRequest request) {
    return switch (request.mode()) {
      case FULL -> new WholeVault();
      case ACCOUNT -> new OneAccount(request.key());
      case NOTE -> new OneNote(request.key());
    };
  }

  /** Lists the vault, or as much of it as the run needs. */
  default VaultListing list(RunSetup run) throws IOException {
    return run.scanner().scan(run.vaultRoot());
  }

  /**
   * The notes the run reads.
   *
   * @param links account id to note path, as stored
   * @throws SyncUsageException when an account key names no note, or several
   */
  List<NoteFile> select(RunSetup run, VaultListing listing, Map<String, String> links)
      throws IOException;

  /** Whether this is the whole vault's run. */
  default boolean whole() {
    return false;
  }

  /**
   * Whether the notes the state knows count as present although not listed: a run that lists one
   * note removes nothing.
   */
  default boolean knownArePresent() {
    return false;
  }

  /** The whole vault. */
  record WholeVault() implements RunScope {
    @Override
    public List<NoteFile> select(RunSetup run, VaultListing listing, Map<String, String> links) {
      return listing.notes();
    }

    @Override
    public boolean whole() {
      return true;
    }
  }

  /** The note of one account, named by title, alias, vault path or Account id. */
  record OneAccount(String key) implements RunScope {
    @Override
    public List<NoteFile> select(RunSetup run, VaultListing listing, Map<String, String> links)
        throws IOException {
      String path =
          new ScopeResolver(run.vaultRoot(), run.state(), run.mapper())
              .resolve(key, listing, links);
      return listing.notes().stream().filter(f -> f.relativePath().equals(path)).toList();
    }
  }

  /** One saved note: its run reads that note only, so its cost does not grow with the vault. */
  record OneNote(String path) implements RunScope {
    @Override
    public VaultListing list(RunSetup run) throws IOException {
      return run.scanner().scanNote(run.vaultRoot(), path);
    }

    @Override
    public List<NoteFile> select(RunSetup run, VaultListing listing, Map<String, String> links)
        throws IOException {
      return new OneAccount(path).select(run, listing, links);
    }

    @Override
    public boolean knownArePresent() {
      return true;
    }
  }
}
