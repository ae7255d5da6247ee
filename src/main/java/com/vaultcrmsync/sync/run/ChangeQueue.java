package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.sync.Halt;
import com.vaultcrmsync.sync.plan.NoteDigest;
import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.NoteState;
import com.vaultcrmsync.vault.NoteFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes the changed notes as the run reads them and decides how they go through: all at once when
 * they fit one batch ({@code sync.first-load.batch-notes}); batch by batch as they are read on a
 * first load into an empty org (see {@link PullWindow#streamed()}); else, in a whole-vault run of
 * more than one batch, a {@link BatchedRun} counts each batch and writes them all at the end.
 */
final class ChangeQueue {
  private final RunParts parts;
  private final RunParts.Start start;
  private final ChangedNotes changes;
  private final VaultReader reader;
  private final Map<String, NoteState> index;
  private final UnplannedNotes unplanned;
  private final List<AccountLink> accountChanges;
  private final boolean firstLoad;
  private final List<NoteDigest> changed = new ArrayList<>();
  private final List<NoteFile> changedFiles = new ArrayList<>();
  private BatchedRun batched;
  private int streamedBatches;

  /**
   * @param accountChanges where the links to store at the end of the run are added
   */
  ChangeQueue(
      RunParts parts,
      RunParts.Start start,
      ChangedNotes changes,
      VaultReader reader,
      Map<String, NoteState> index,
      UnplannedNotes unplanned,
      List<AccountLink> accountChanges) {
    this.parts = parts;
    this.start = start;
    this.changes = changes;
    this.reader = reader;
    this.index = index;
    this.unplanned = unplanned;
    this.accountChanges = accountChanges;
    // A first load (no watermark yet) reads the org's newest Account stamp once a note is known
    // to change; in an empty org its notes go through in batches (see PullWindow).
    this.firstLoad = parts.scope().whole() && start.watermark() == null;
  }

  /** Takes one changed note; syncs a full batch when notes stream. Returns a halt, if one came. */
  Optional<Halt> add(NoteFile f, NoteDigest d) {
    changed.add(d);
    changedFiles.add(f);
    readFirstStamp();
    if (changed.size() < parts.run().settings().batchNotes()) {
      return Optional.empty();
    }
    if (parts.window().streamed()) {
      Optional<Halt> halt = changes.sync(changed, start);
      changed.clear();
      streamedBatches++;
      return halt;
    }
    if (parts.scope().whole()) {
      // More changed notes than one batch: count what the safety rules judge, batch by batch,
      // and write in a second pass that reads each note again.
      if (batched == null) {
        parts.window().batchedPullBegins(parts.run().clock().instant());
        batched = new BatchedRun(parts, start, reader, index, unplanned);
      }
      batched.count(changed);
      changed.clear();
    }
    return Optional.empty();
  }

  /** Syncs what is left once every note was read. Returns a halt, if one came. */
  Optional<Halt> finish() throws IOException {
    readFirstStamp();
    if (batched != null) {
      if (!changed.isEmpty()) {
        batched.count(changed);
        changed.clear();
      }
      parts.window().batchedPulled(batched.pulled());
      return batched.write(changedFiles, parts.run().request().force(), accountChanges);
    }
    if (!changed.isEmpty() || streamedBatches == 0) {
      return changes.sync(changed, start);
    }
    return Optional.empty();
  }

  private void readFirstStamp() {
    if (firstLoad && !parts.window().stampRead()) {
      parts
          .window()
          .readFirstStamp(
              parts.budget(),
              parts.pull(),
              start.links().isEmpty(),
              parts.run().request().dryRun());
    }
  }
}
