package com.vaultcrmsync.sync.apply;

import com.vaultcrmsync.crm.CrmError;
import com.vaultcrmsync.sync.ApiBudget;
import com.vaultcrmsync.sync.RunSetup;
import com.vaultcrmsync.sync.plan.NoteOutcome;
import com.vaultcrmsync.sync.plan.NotePlan;
import com.vaultcrmsync.sync.state.StateStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Carries out the plans: Account creates and updates, then activity upserts and deletes (each
 * batched across notes through sObject Collections, 200 records a call), then the notes. The state
 * advances record by record, only after the write it describes succeeded; a failed record is
 * reported and the rest applied. In a dry run nothing is written and the report says what would be.
 * The writes are done by {@link AccountApplier}, {@link ActivityApplier} and {@link NoteApplier}.
 */
public final class PlanApplier {
  /** State rows per commit. */
  static final int RECORDS_PER_COMMIT = 500;

  private final StateStore state;
  private final AccountApplier accounts;
  private final ActivityApplier activities;
  private final NoteApplier noteApplier;

  /**
   * @param run the run's gateway, state, mappings, settings, report, id and dry-run flag
   * @param budget the run's API budget, checked before each batch of calls
   * @param today the day after which no activity date is a {@code last_contact}
   */
  public PlanApplier(RunSetup run, ApiBudget budget, LocalDate today) {
    NoteUpdater notes =
        new NoteUpdater(run.vaultRoot(), run.mapper().mappings().account().idProperty());
    this.state = run.state();
    this.accounts = new AccountApplier(run, budget);
    this.activities = new ActivityApplier(run, budget);
    this.noteApplier = new NoteApplier(run, notes, today);
  }

  /**
   * Applies the CRM side of every plan.
   *
   * @return what it did, note by note, in order
   * @throws WritesAborted when a call failed as a whole or the budget ran out, with what was done
   */
  public List<NoteOutcome> applyCrm(List<NotePlan> plans) {
    List<NoteOutcome> out = new ArrayList<>();
    try {
      state.batched(
          RECORDS_PER_COMMIT,
          () -> {
            accounts.create(plans, out);
            accounts.update(plans, out);
            activities.upsert(plans, out);
            activities.remove(plans, out);
          });
    } catch (RuntimeException e) {
      throw new WritesAborted(out, e);
    }
    return out;
  }

  /**
   * Writes the notes: id write-back, CRM lines, {@code last_contact}; then their state.
   *
   * @return what it did, note by note, in order
   */
  public List<NoteOutcome> applyNotes(List<NotePlan> plans) {
    List<NoteOutcome> out = new ArrayList<>();
    noteApplier.apply(plans, out);
    return out;
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
