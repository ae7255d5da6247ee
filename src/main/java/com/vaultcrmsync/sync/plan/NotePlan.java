package com.vaultcrmsync.sync.plan;

import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.ActivityState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a run will do for one note: the account write, the activity upserts of its entries, the CRM
 * activities to write into it, the deletes, and the state-only updates. Mutable while the run
 * applies it (ids of created records, failures).
 */
public final class NotePlan {
  public enum AccountAction {
    NONE,
    CREATE,
    UPDATE
  }

  public final String path;
  final String title;

  /** The note as read this run, or null for a note unchanged since the last sync. */
  public final NoteDigest digest;

  public AccountMatch match;
  public String accountId;
  public boolean linkedBefore;
  public AccountAction accountAction = AccountAction.NONE;
  public Map<String, Object> accountFields;
  public String accountHash;

  /** The CRM's current fingerprint of the account fields, when the pull saw the Account. */
  String crmAccountHash;

  /** The link to store once the account write (if any) succeeded; null: derive it then. */
  public AccountLink linkAfter;

  /** Write the id property into the note. */
  public boolean writeId;

  public final List<EntryPlan> entries = new ArrayList<>();
  public final List<CrmLinePlan> crmLines = new ArrayList<>();
  public final List<ActivityState> removals = new ArrayList<>();

  /** Entries to remove from the note because their activity was deleted in the CRM. */
  public final List<ActivityState> vaultRemovals = new ArrayList<>();

  public final List<ActivityState> stateUpdates = new ArrayList<>();
  public final List<LocalDate> activityDates = new ArrayList<>();

  /** A write for this note failed or was skipped: its state is not advanced. */
  public boolean failed;

  /** A CRM change for this note was not applied: the watermark must not pass it. */
  public boolean pullIncomplete;

  /** What planning the note decided for the report, in order. */
  private final List<NoteOutcome> outcomes = new ArrayList<>();

  public NotePlan(String path, String title, NoteDigest digest) {
    this.path = path;
    this.title = title;
    this.digest = digest;
  }

  /** What planning the note decided for the report, for the run to fold. */
  public List<NoteOutcome> outcomes() {
    return Collections.unmodifiableList(outcomes);
  }

  void report(NoteOutcome outcome) {
    outcomes.add(outcome);
  }

  /** Remembers a CRM-side change {@code crm} of a vault-owned activity, unless already known. */
  void keepCrmChange(ActivityState a, String crm) {
    if (!crm.equals(a.pendingHash())) {
      stateUpdates.add(a.withPending(crm));
    }
  }

  /** Marks an activity deleted in the CRM, unless already marked. */
  void markDeleted(ActivityState a) {
    if (!a.deletedInCrm()) {
      stateUpdates.add(a.deleted());
    }
  }

  /**
   * One vault entry that becomes (or stays) an activity.
   *
   * @param entry the entry
   * @param hash fingerprint of its mapped fields
   * @param existing its state row, or null
   * @param push whether to upsert it
   * @param action the report action when it is not pushed
   * @param reason why
   */
  public record EntryPlan(
      NoteDigest.EntryDigest entry,
      String hash,
      ActivityState existing,
      boolean push,
      String action,
      String reason) {}

  /**
   * One CRM activity line to write into the note (added, or replacing the line with its id).
   *
   * @param crmId the activity's id
   * @param line the rendered line
   * @param date the activity's date
   * @param existing its state row, or null
   * @param reason why, for the report
   */
  public record CrmLinePlan(
      String crmId, String line, LocalDate date, ActivityState existing, String reason) {}
}
