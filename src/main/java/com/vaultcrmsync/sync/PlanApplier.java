package com.vaultcrmsync.sync;

import com.vaultcrmsync.crm.CrmError;
import com.vaultcrmsync.crm.CrmGateway;
import com.vaultcrmsync.crm.SaveResult;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.vault.NoteChangedException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Carries out the plans: Account creates and updates, then activity upserts and deletes (each
 * batched across notes through sObject Collections, 200 records a call), then the notes. The state
 * advances record by record, only after the write it describes succeeded; a failed record is
 * reported and the rest applied. In a dry run nothing is written and the report says what would be.
 */
final class PlanApplier {
  /** Note writes in flight at once: each ends with fsyncs, which overlap well. */
  private static final int NOTE_WRITERS = 4;

  /** Notes written between two state commits. */
  private static final int NOTES_PER_BATCH = 200;

  /** Activity records per gateway call: whole collections of 200, a few at a time. */
  private static final int UPSERT_SLICE = 2000;

  /** State rows per commit. */
  private static final int RECORDS_PER_COMMIT = 500;

  private final CrmGateway crm;
  private final StateStore state;
  private final ApiBudget budget;
  private final Mappings mappings;
  private final SyncSettings settings;
  private final RunRecorder rec;
  private final NoteUpdater notes;
  private final String runId;
  private final boolean dryRun;
  private final LocalDate today;

  PlanApplier(
      CrmGateway crm,
      StateStore state,
      ApiBudget budget,
      Mappings mappings,
      SyncSettings settings,
      RunRecorder rec,
      NoteUpdater notes,
      String runId,
      boolean dryRun,
      LocalDate today) {
    this.crm = crm;
    this.state = state;
    this.budget = budget;
    this.mappings = mappings;
    this.settings = settings;
    this.rec = rec;
    this.notes = notes;
    this.runId = runId;
    this.dryRun = dryRun;
    this.today = today;
  }

  /** Applies the CRM side of every plan. */
  void applyCrm(List<NotePlan> plans) {
    state.batched(
        RECORDS_PER_COMMIT,
        () -> {
          createAccounts(plans);
          updateAccounts(plans);
          upsertActivities(plans);
          applyRemovals(plans);
        });
  }

  private void createAccounts(List<NotePlan> plans) {
    List<NotePlan> todo =
        plans.stream().filter(p -> p.accountAction == NotePlan.AccountAction.CREATE).toList();
    if (todo.isEmpty()) {
      return;
    }
    String sObject = mappings.account().sObject();
    if (dryRun) {
      todo.forEach(p -> accountDone(p, "created"));
      return;
    }
    budget.require(ApiBudget.collectionCalls(todo.size()), "creating " + todo.size() + " accounts");
    List<SaveResult> results =
        crm.create(
            sObject,
            todo.stream()
                .map(p -> new LinkedHashMap<>(p.accountFields))
                .map(m -> (Map<String, Object>) m)
                .toList());
    for (int i = 0; i < todo.size(); i++) {
      NotePlan p = todo.get(i);
      SaveResult r = results.get(i);
      if (r.success()) {
        p.accountId = SalesforceId.to18(r.id());
        p.writeId = true;
        state.putLink(new AccountLink(p.accountId, p.path, p.accountHash, null));
        state.audit(runId, "crm", "create", sObject + "/" + p.accountId, null, p.accountHash);
        accountDone(p, "created");
      } else {
        accountFailed(p, r);
      }
    }
  }

  private void updateAccounts(List<NotePlan> plans) {
    List<NotePlan> todo =
        plans.stream().filter(p -> p.accountAction == NotePlan.AccountAction.UPDATE).toList();
    String sObject = mappings.account().sObject();
    if (!todo.isEmpty() && !dryRun) {
      budget.require(
          ApiBudget.collectionCalls(todo.size()), "updating " + todo.size() + " accounts");
      List<Map<String, Object>> records = new ArrayList<>();
      for (NotePlan p : todo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", p.accountId);
        m.putAll(p.accountFields);
        records.add(m);
      }
      List<SaveResult> results = crm.update(sObject, records);
      for (int i = 0; i < todo.size(); i++) {
        NotePlan p = todo.get(i);
        SaveResult r = results.get(i);
        if (r.success()) {
          String before =
              state.linkByAccount(p.accountId).map(AccountLink::syncedHash).orElse(null);
          state.putLink(new AccountLink(p.accountId, p.path, p.accountHash, null));
          state.audit(runId, "crm", "update", sObject + "/" + p.accountId, before, p.accountHash);
          accountDone(p, "updated");
        } else {
          accountFailed(p, r);
        }
      }
    } else {
      todo.forEach(p -> accountDone(p, "updated"));
    }
    for (NotePlan p : plans) {
      if (p.accountAction != NotePlan.AccountAction.NONE
          || p.accountId == null
          || p.digest == null) {
        continue;
      }
      rec.accountsUnchanged++;
      if (dryRun) {
        continue;
      }
      AccountLink current = state.linkByAccount(p.accountId).orElse(null);
      AccountLink wanted =
          p.linkAfter != null
              ? p.linkAfter
              : new AccountLink(
                  p.accountId,
                  p.path,
                  current != null && current.notePath().equals(p.path)
                      ? current.syncedHash()
                      : p.accountHash,
                  current == null ? null : current.pendingHash());
      if (!wanted.equals(current)) {
        state.putLink(wanted);
      }
    }
  }

  private void accountDone(NotePlan p, String action) {
    RunRecorder.NoteRecord note = rec.note(p.path);
    note.action = action;
    note.crmId = p.accountId;
    if (action.equals("created")) {
      rec.accountsCreated++;
      note.match = AccountMatch.Kind.CREATED.label();
    } else {
      rec.accountsUpdated++;
    }
  }

  private void accountFailed(NotePlan p, SaveResult r) {
    p.failed = true;
    RunRecorder.NoteRecord note = rec.note(p.path);
    note.action = "failed";
    note.error(mappings.account().sObject() + " write failed: " + describe(r.errors()), null);
  }

  /** One record of the activity upsert batch and where its result goes. */
  private record Upsert(NotePlan plan, NotePlan.EntryPlan entry, String key) {}

  private void upsertActivities(List<NotePlan> plans) {
    String sObject = mappings.activity().sObject();
    String extField = mappings.activity().externalIdField();
    List<Upsert> refs = new ArrayList<>();
    for (NotePlan p : plans) {
      RunRecorder.NoteRecord note = rec.note(p.path);
      for (NotePlan.EntryPlan e : p.entries) {
        int line = e.entry().line();
        if (!e.push()) {
          note.entry(
              line,
              e.existing() == null ? null : e.existing().key(),
              e.existing() == null ? null : e.existing().crmId(),
              e.action(),
              e.reason());
          if ("unchanged".equals(e.action())) {
            rec.activitiesUnchanged++;
          }
          continue;
        }
        if (p.failed || p.accountId == null) {
          if (dryRun && p.accountAction == NotePlan.AccountAction.CREATE) {
            note.entry(line, null, null, "created", e.reason());
            rec.activitiesCreated++;
          } else {
            note.entry(line, null, null, "skipped", "the account could not be written");
            rec.entriesSkipped++;
          }
          continue;
        }
        String key = VaultKey.of(p.accountId, e.entry().date(), e.entry().subject());
        if (dryRun) {
          boolean create = e.existing() == null || e.existing().deletedInCrm();
          note.entry(
              line,
              key,
              e.existing() == null ? null : e.existing().crmId(),
              create ? "created" : "updated",
              e.reason());
          if (create) {
            rec.activitiesCreated++;
          } else {
            rec.activitiesUpdated++;
          }
          continue;
        }
        refs.add(new Upsert(p, e, key));
      }
    }
    if (refs.isEmpty()) {
      return;
    }
    budget.require(
        ApiBudget.collectionCalls(refs.size()), "upserting " + refs.size() + " activities");
    // Slices of whole collections: the same calls, but only one slice of payloads in memory.
    for (int from = 0; from < refs.size(); from += UPSERT_SLICE) {
      List<Upsert> slice = refs.subList(from, Math.min(refs.size(), from + UPSERT_SLICE));
      List<Map<String, Object>> records = new ArrayList<>(slice.size());
      for (Upsert u : slice) {
        Map<String, Object> m = new LinkedHashMap<>(u.entry().entry().fields());
        m.put("WhatId", u.plan().accountId);
        m.put(extField, u.key());
        records.add(m);
      }
      upserted(sObject, slice, crm.upsert(sObject, extField, records));
    }
  }

  private void upserted(String sObject, List<Upsert> refs, List<SaveResult> results) {
    for (int i = 0; i < refs.size(); i++) {
      NotePlan p = refs.get(i).plan();
      NotePlan.EntryPlan e = refs.get(i).entry();
      String key = refs.get(i).key();
      SaveResult r = results.get(i);
      RunRecorder.NoteRecord note = rec.note(p.path);
      if (r.success()) {
        String id = SalesforceId.to18(r.id());
        state.putActivity(
            new ActivityState(
                key,
                ActivityState.Origin.VAULT,
                id,
                p.accountId,
                p.path,
                e.entry().date(),
                e.hash(),
                null,
                null,
                null,
                false));
        state.audit(
            runId,
            "crm",
            r.created() ? "create" : "update",
            sObject + "/" + id,
            e.existing() == null ? null : e.existing().syncedHash(),
            e.hash());
        note.entry(e.entry().line(), key, id, r.created() ? "created" : "updated", e.reason());
        if (r.created()) {
          rec.activitiesCreated++;
        } else {
          rec.activitiesUpdated++;
        }
      } else {
        p.failed = true;
        p.activityDates.remove(e.entry().date());
        note.entry(e.entry().line(), key, null, "failed", describe(r.errors()));
        note.error("line " + e.entry().line() + ": " + describe(r.errors()), e.entry().line());
      }
    }
  }

  private void applyRemovals(List<NotePlan> plans) {
    List<ActivityState> toDelete = new ArrayList<>();
    for (NotePlan p : plans) {
      RunRecorder.NoteRecord note = rec.note(p.path);
      for (ActivityState a : p.removals) {
        if (settings.deleteInCrm() && a.crmId() != null && !a.deletedInCrm()) {
          toDelete.add(a);
          note.entry(
              null,
              a.key(),
              a.crmId(),
              "deleted",
              "entry removed from the note; its CRM activity is deleted (sync.deletes.vault-to-crm)");
        } else {
          note.entry(
              null,
              a.key(),
              a.crmId(),
              "removed",
              "entry removed from the note; its CRM activity stays (sync.deletes.vault-to-crm=false)");
          if (!dryRun) {
            state.removeActivity(a.key());
            state.audit(runId, "state", "forget", a.key(), a.syncedHash(), null);
          }
        }
      }
      if (!dryRun) {
        p.stateUpdates.forEach(state::putActivity);
      }
    }
    if (toDelete.isEmpty() || dryRun) {
      return;
    }
    budget.require(
        ApiBudget.collectionCalls(toDelete.size()), "deleting " + toDelete.size() + " activities");
    List<SaveResult> results = crm.delete(toDelete.stream().map(ActivityState::crmId).toList());
    for (int i = 0; i < toDelete.size(); i++) {
      ActivityState a = toDelete.get(i);
      if (results.get(i).success()) {
        state.removeActivity(a.key());
        state.audit(runId, "crm", "delete", a.crmId(), a.syncedHash(), null);
      } else {
        rec.note(a.notePath())
            .error(
                "delete of " + a.crmId() + " failed: " + describe(results.get(i).errors()), null);
      }
    }
  }

  /** Writes the notes: id write-back, CRM lines, {@code last_contact}; then their state. */
  void applyNotes(List<NotePlan> plans) {
    ExecutorService writers = Executors.newFixedThreadPool(NOTE_WRITERS, NoteWriterThread::new);
    try {
      for (int i = 0; i < plans.size(); i += NOTES_PER_BATCH) {
        List<NotePlan> batch = plans.subList(i, Math.min(plans.size(), i + NOTES_PER_BATCH));
        List<Runnable> results = new ArrayList<>();
        for (NotePlan p : batch) {
          Runnable done = startNote(p, writers);
          if (done != null) {
            results.add(done);
          }
        }
        state.batched(RECORDS_PER_COMMIT, () -> results.forEach(Runnable::run));
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
  private Runnable startNote(NotePlan p, ExecutorService writers) {
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
    return () -> noteDone(p, expected, update);
  }

  private void noteDone(NotePlan p, String expected, Future<NoteUpdater.Outcome> update) {
    RunRecorder.NoteRecord note = rec.note(p.path);
    try {
      NoteUpdater.Outcome o = outcome(update);
      if (o.written()) {
        rec.notesWritten++;
      }
      if (o.lastContactTo() != null) {
        note.lastContact = new RunReport.Change(o.lastContactFrom(), o.lastContactTo());
      }
      if (o.idWritten()) {
        note.idProperty = mappings.account().idProperty();
      }
      note.entriesAdded += o.added();
      rec.entriesAdded += o.added();
      for (NotePlan.CrmLinePlan l : p.crmLines) {
        String key = ActivityState.crmKey(l.crmId());
        note.entry(
            null, key, l.crmId(), l.existing() == null ? "added" : "line-updated", l.reason());
        if (!dryRun) {
          String hash = Fingerprint.of(l.line());
          state.putActivity(
              new ActivityState(
                  key,
                  ActivityState.Origin.CRM,
                  l.crmId(),
                  p.accountId,
                  p.path,
                  l.date(),
                  hash,
                  hash,
                  null,
                  null,
                  false));
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
      note.error("the note changed while the sync ran; it is synced again on the next run", null);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      // IllegalStateException: the editor refused an edit that would not read back as intended.
      p.failed = true;
      p.pullIncomplete |= !p.crmLines.isEmpty() || !p.vaultRemovals.isEmpty();
      note.error("cannot update the note: " + e.getMessage(), null);
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

  static String describe(List<CrmError> errors) {
    return errors.isEmpty()
        ? "unknown error"
        : errors.stream()
            .sorted(Comparator.comparing(CrmError::code, Comparator.nullsLast(String::compareTo)))
            .map(e -> e.code() + ": " + e.message())
            .collect(Collectors.joining("; "));
  }
}
