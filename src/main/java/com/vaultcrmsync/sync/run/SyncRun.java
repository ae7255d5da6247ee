package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.sync.ApiBudget;
import com.vaultcrmsync.sync.Halt;
import com.vaultcrmsync.sync.RunSetup;
import com.vaultcrmsync.sync.link.NoteLinker;
import com.vaultcrmsync.sync.plan.NoteOutcome;
import com.vaultcrmsync.sync.plan.SyncPlanner;
import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.NoteState;
import com.vaultcrmsync.sync.state.StateStore;
import com.vaultcrmsync.vault.NoteFile;
import com.vaultcrmsync.vault.VaultListing;
import com.vaultcrmsync.vault.edit.NoteWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one run, under the lock the engine holds: list the notes its {@link RunScope}
 * covers, read each against the state index, hand the changed ones to a {@link ChangeQueue} (which
 * syncs them at once, as they stream or as a {@link BatchedRun}), then store the touched notes and
 * the collected links; a whole-vault run also forgets the notes that left the vault and advances
 * the watermark ({@link PullWindow}). Everything the steps report goes through one {@link
 * PlanWriter}.
 */
final class SyncRun {
  // Logged as the engine's steps, as they always were.
  private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

  private final RunSetup run;
  private final RunRecorder rec;
  private final StateStore state;
  private final RunParts parts;
  private final VaultReader reader;
  private final UnplannedNotes unplanned;
  private final List<AccountLink> accountChanges = new ArrayList<>();
  private final List<NoteState> touched = new ArrayList<>();

  /**
   * The state index of notes, read once per run: a no-op run asks the database nothing per note.
   */
  private final Map<String, NoteState> index = new HashMap<>();

  SyncRun(RunSetup run, RunRecorder rec) {
    this.run = run;
    this.rec = rec;
    this.state = run.state();
    this.reader = new VaultReader(run.mapper());
    this.unplanned = new UnplannedNotes(state);
    ApiBudget budget = new ApiBudget(run.crm(), run.settings());
    PullWindow window = new PullWindow();
    this.parts =
        new RunParts(
            run,
            RunScope.of(run.request()),
            new SyncPlanner(state, run.settings(), run.mapper().mappings()),
            new NoteLinker(state, run.crm(), run.mapper().mappings().account(), budget),
            budget,
            new CrmPull(run.crm(), run.mapper().mappings()),
            window,
            new PlanWriter(run, rec, budget, window));
  }

  /** Returns why the run stopped early, or empty when it finished. */
  Optional<Halt> execute() throws IOException {
    RunScope scope = parts.scope();
    VaultListing listing = scope.list(run);
    removeStaleTemps(listing);
    listing.problems().forEach(p -> parts.writer().report(unplanned.unlisted(p)));
    Map<String, String> links = state.links();
    List<NoteFile> notes = scope.select(run, listing, links);
    state.notes().forEach(n -> index.put(n.path(), n));
    RunParts.Start start =
        new RunParts.Start(links, present(listing), state.watermark().orElse(null));
    ChangeQueue queue =
        new ChangeQueue(
            parts,
            start,
            new ChangedNotes(parts, rec.startedMillis(), accountChanges),
            reader,
            index,
            unplanned,
            accountChanges);
    Optional<Halt> halt = read(notes, links, queue);
    if (halt.isPresent()) {
      return halt;
    }
    LOG.info(
        "Read the vault: {} notes listed, {} parsed, {} read whose content had not changed ({} ms)",
        notes.size(),
        reader.parsed(),
        reader.hashed() - reader.parsed(),
        run.clock().millis() - rec.startedMillis());
    halt = queue.finish();
    if (halt.isPresent() || run.request().dryRun()) {
      return halt;
    }
    store(start);
    return Optional.empty();
  }

  private void removeStaleTemps(VaultListing listing) throws IOException {
    if (!run.request().dryRun() && !listing.staleTemps().isEmpty()) {
      // Left by a writer that was killed mid-write; under the lock no writer can still own one.
      int removed = NoteWriter.removeStaleTemps(listing.staleTemps());
      LOG.info("Removed {} temp file(s) left by an interrupted note write", removed);
    }
  }

  /** The paths of the notes in the vault, as far as this run knows. */
  private Set<String> present(VaultListing listing) {
    Set<String> present = new HashSet<>();
    listing.notes().forEach(f -> present.add(f.relativePath()));
    if (parts.scope().knownArePresent()) {
      // Not listed, so taken as present as the state knows them (a note run removes nothing).
      present.addAll(index.keySet());
    }
    return present;
  }

  /** Reads each note against the index; changed notes go to the queue. */
  private Optional<Halt> read(List<NoteFile> notes, Map<String, String> links, ChangeQueue queue)
      throws IOException {
    Map<String, String> accountByNote = new HashMap<>();
    links.forEach((account, path) -> accountByNote.put(path, account));
    boolean scoped = !parts.scope().whole();
    int read = 0;
    for (NoteFile f : notes) {
      run.progress().update("reading notes", read++, notes.size());
      var known = Optional.ofNullable(index.get(f.relativePath()));
      VaultReader.Result result = reader.read(f, known, scoped);
      if (result instanceof VaultReader.Unchanged u) {
        unchanged(u, accountByNote);
      } else if (result instanceof VaultReader.NotSelected n) {
        touched.add(n.state());
      } else if (result instanceof VaultReader.Changed c) {
        parts
            .writer()
            .report(
                List.of(new NoteOutcome.Counted(f.relativePath(), NoteOutcome.Tally.NOTES_SEEN)));
        Optional<Halt> halt = queue.add(f, c.digest());
        if (halt.isPresent()) {
          return halt;
        }
      } else if (result instanceof VaultReader.Broken b) {
        parts.writer().report(unplanned.broken(b));
      }
    }
    return Optional.empty();
  }

  private void unchanged(VaultReader.Unchanged u, Map<String, String> accountByNote) {
    NoteState k = u.known();
    if (k.selected()) {
      parts.writer().report(unplanned.unchanged(k, accountByNote.get(k.path())));
    }
    if (u.touched()) {
      touched.add(k.withFile(u.size(), u.mtime()));
    }
  }

  /**
   * Stores what the run learnt; a whole-vault run forgets vanished notes and moves the watermark.
   */
  private void store(RunParts.Start start) {
    boolean whole = parts.scope().whole();
    state.batched(
        500,
        () -> {
          touched.forEach(state::putNote);
          accountChanges.forEach(state::putLink);
          for (NoteState gone : index.values()) {
            if (!start.present().contains(gone.path()) && whole) {
              parts.writer().report(unplanned.vanished(gone, start.links()));
              state.removeNote(gone.path());
            }
          }
        });
    if (whole) {
      parts.window().advance(state, run.runId(), start.watermark());
    }
  }
}
