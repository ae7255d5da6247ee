package com.vaultcrmsync.sync.apply;

import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.RunSetup;
import com.vaultcrmsync.sync.plan.Fingerprint;
import com.vaultcrmsync.sync.plan.NoteDigest;
import com.vaultcrmsync.sync.plan.NoteOutcome;
import com.vaultcrmsync.sync.plan.NotePlan;
import com.vaultcrmsync.sync.state.ActivityState;
import com.vaultcrmsync.sync.state.NoteState;
import com.vaultcrmsync.sync.state.StateStore;
import com.vaultcrmsync.vault.edit.NoteChangedException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the planned notes (id write-back, CRM lines, removed entries, {@code last_contact}) on a
 * few writer threads, then records each note's outcome and state on the calling thread in plan
 * order, committed in batches: a note's state and the rows of its CRM lines advance only after its
 * write succeeded; a note that changed meanwhile or cannot be written is reported and left for the
 * next run. In a dry run nothing is written and the report says what would be.
 */
final class NoteApplier {
  /** Note writes in flight at once: each ends with fsyncs, which overlap well. */
  private static final int NOTE_WRITERS = 4;

  /** Notes written between two state commits. */
  private static final int NOTES_PER_BATCH = 200;

  private final StateStore state;
  private final Mappings mappings;
  private final NoteUpdater notes;
  private final String runId;
  private final boolean dryRun;
  private final LocalDate today;

  /**
   * @param notes the editor of the vault's notes
   * @param today the day after which no activity date is a {@code last_contact}
   */
  NoteApplier(RunSetup run, NoteUpdater notes, LocalDate today) {
    this.state = run.state();
    this.mappings = run.mapper().mappings();
    this.notes = notes;
    this.runId = run.runId();
    this.dryRun = run.request().dryRun();
    this.today = today;
  }

  /** Writes the notes of {@code plans}, then their state; adds what it did to {@code out}. */
  void apply(List<NotePlan> plans, List<NoteOutcome> out) {
    ExecutorService writers = Executors.newFixedThreadPool(NOTE_WRITERS, NoteWriterThread::new);
    try {
      for (int i = 0; i < plans.size(); i += NOTES_PER_BATCH) {
        List<NotePlan> batch = plans.subList(i, Math.min(plans.size(), i + NOTES_PER_BATCH));
        List<Runnable> results = new ArrayList<>();
        for (NotePlan p : batch) {
          Runnable done = startNote(p, writers, out);
          if (done != null) {
            results.add(done);
          }
        }
        state.batched(PlanApplier.RECORDS_PER_COMMIT, () -> results.forEach(Runnable::run));
      }
    } finally {
      writers.shutdownNow();
    }
  }

  /**
   * Starts the update of one note on a writer thread (reading, splicing and the fsynced write are
   * I/O-bound and independent per note) and returns what records its outcome, to be run on this
   * thread in plan order; null when the note needs no update.
   */
  private Runnable startNote(NotePlan p, ExecutorService writers, List<NoteOutcome> out) {
    if (p.accountId == null && !(dryRun && p.accountAction == NotePlan.AccountAction.CREATE)) {
      return () -> recordRead(p);
    }
    if (p.digest == null && p.crmLines.isEmpty() && p.vaultRemovals.isEmpty()) {
      // Only state changed for this unchanged note: it is not read again.
      return null;
    }
    NoteState previous = state.note(p.path).orElse(null);
    String expected =
        p.digest != null
            ? p.digest.contentHash()
            : previous == null ? null : previous.contentHash();
    if (expected == null) {
      return null;
    }
    LocalDate newest = newest(p);
    Future<NoteUpdater.Outcome> update =
        writers.submit(
            () ->
                notes.update(
                    p.path,
                    expected,
                    p.writeId ? p.accountId : null,
                    p.crmLines,
                    p.vaultRemovals,
                    newest,
                    dryRun,
                    p.digest == null ? previous : stateOf(p.digest, previous)));
    return () -> noteDone(p, expected, update, out);
  }

  private void noteDone(
      NotePlan p, String expected, Future<NoteUpdater.Outcome> update, List<NoteOutcome> out) {
    try {
      NoteUpdater.Outcome o = outcome(update);
      out.add(
          new NoteOutcome.WrittenBack(
              p.path,
              o.written(),
              o.lastContactTo() == null
                  ? null
                  : new RunReport.Change(o.lastContactFrom(), o.lastContactTo()),
              o.idWritten() ? mappings.account().idProperty() : null,
              o.added()));
      for (NotePlan.CrmLinePlan l : p.crmLines) {
        String key = ActivityState.crmKey(l.crmId());
        out.add(
            new NoteOutcome.Entry(
                p.path,
                null,
                key,
                l.crmId(),
                l.existing() == null ? "added" : "line-updated",
                l.reason()));
        if (!dryRun) {
          String hash = Fingerprint.of(l.line());
          state.putActivity(ActivityState.pulled(l.crmId(), p.accountId, p.path, l.date(), hash));
          state.audit(
              runId,
              "vault",
              l.existing() == null ? "add-entry" : "update-entry",
              p.path,
              l.existing() == null ? null : l.existing().lineHash(),
              hash);
        }
      }
      if (!dryRun) {
        for (ActivityState a : p.vaultRemovals) {
          state.removeActivity(a.key());
          state.audit(runId, "vault", "remove-entry", p.path, a.lineHash(), null);
        }
      }
      if (!dryRun && !p.failed && o.state() != null) {
        if (o.written()) {
          state.audit(runId, "vault", "write", p.path, expected, o.state().contentHash());
        }
        state.putNote(o.state());
      }
    } catch (NoteChangedException e) {
      p.failed = true;
      p.pullIncomplete |= !p.crmLines.isEmpty() || !p.vaultRemovals.isEmpty();
      out.add(
          new NoteOutcome.Problem(
              p.path,
              "the note changed while the sync ran; it is synced again on the next run",
              null));
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      // IllegalStateException: the editor refused an edit that would not read back as intended.
      p.failed = true;
      p.pullIncomplete |= !p.crmLines.isEmpty() || !p.vaultRemovals.isEmpty();
      out.add(new NoteOutcome.Problem(p.path, "cannot update the note: " + e.getMessage(), null));
    }
  }

  /** The note update's outcome, its own exceptions rethrown as they were. */
  private static NoteUpdater.Outcome outcome(Future<NoteUpdater.Outcome> update)
      throws IOException {
    try {
      return update.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing notes", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Daemon threads for note writes, so that a stuck write never keeps the JVM alive. */
  private static final class NoteWriterThread extends Thread {
    private static final AtomicInteger COUNT = new AtomicInteger();

    NoteWriterThread(Runnable r) {
      super(r, "note-writer-" + COUNT.incrementAndGet());
      setDaemon(true);
    }
  }

  /** A note read but not linked (ambiguous, unmatched): remember it so it is not re-read. */
  private void recordRead(NotePlan p) {
    if (!dryRun && p.digest != null && !p.failed) {
      state.putNote(stateOf(p.digest, null));
    }
  }

  private LocalDate newest(NotePlan p) {
    LocalDate newest =
        p.accountId == null ? null : state.newestActivityDate(p.accountId, today).orElse(null);
    for (LocalDate d : p.activityDates) {
      if (d != null && !d.isAfter(today) && (newest == null || d.isAfter(newest))) {
        newest = d;
      }
    }
    return newest;
  }

  private static NoteState stateOf(NoteDigest d, NoteState previous) {
    return new NoteState(
        d.path(), d.size(), d.mtime(), d.contentHash(), true, d.title(), d.aliases());
  }
}
