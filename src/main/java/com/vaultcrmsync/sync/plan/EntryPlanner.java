package com.vaultcrmsync.sync.plan;

import com.vaultcrmsync.crm.CrmRecords;
import com.vaultcrmsync.crm.SalesforceId;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.SyncSettings.ConflictPolicy;
import com.vaultcrmsync.sync.run.CrmPull;
import com.vaultcrmsync.sync.state.ActivityState;
import com.vaultcrmsync.sync.state.StateStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the entries of a note read this run: which become activity upserts, which stay as they are
 * (unchanged, CRM-deleted, or a conflict the policy keeps), which are skipped (undated, a duplicate
 * date and subject), and which activities synced before left the note. It writes nothing; skips and
 * conflicts go to the run report.
 */
final class EntryPlanner {
  private final StateStore state;
  private final SyncSettings settings;
  private final List<String> activityFields;

  /**
   * @param activityFields the activity fields the vault owns
   */
  EntryPlanner(StateStore state, SyncSettings settings, List<String> activityFields) {
    this.state = state;
    this.settings = settings;
    this.activityFields = activityFields;
  }

  /** Fills {@code plan}'s entries, removals and state updates from its digest. */
  void plan(NotePlan plan, CrmPull.Result pulled) {
    NoteDigest d = plan.digest;
    Map<String, Integer> seen = new HashMap<>();
    Set<String> keys = new HashSet<>();
    Set<String> crmIds = new HashSet<>();
    for (NoteDigest.EntryDigest e : d.entries()) {
      if (e.crmId() != null) {
        crmIds.add(SalesforceId.to18(e.crmId()));
        continue;
      }
      if (e.date() == null) {
        skipped(plan, e.line(), "undated entry");
        continue;
      }
      String identity = e.date() + "|" + VaultKey.normalise(e.subject() == null ? "" : e.subject());
      Integer first = seen.putIfAbsent(identity, e.line());
      if (first != null) {
        skipped(plan, e.line(), "same date and subject as line " + first);
        continue;
      }
      plan.activityDates.add(e.date());
      String hash = Fingerprint.ofFields(e.fields());
      if (plan.accountId == null) {
        plan.entries.add(new NotePlan.EntryPlan(e, hash, null, true, null, "new entry"));
        continue;
      }
      String key = VaultKey.of(plan.accountId, e.date(), e.subject());
      keys.add(key);
      ActivityState existing = state.activity(key).orElse(null);
      plan.entries.add(planEntry(plan, e, hash, existing, pulled));
    }
    if (plan.linkedBefore) {
      for (ActivityState a : state.activitiesOfNote(plan.path)) {
        boolean gone =
            a.origin() == ActivityState.Origin.VAULT
                ? !keys.contains(a.key())
                : !crmIds.contains(a.crmId());
        if (gone && a.accountId().equals(plan.accountId)) {
          plan.removals.add(a);
        }
      }
    }
  }

  private static void skipped(NotePlan plan, int line, String reason) {
    plan.report(new NoteOutcome.Entry(plan.path, line, null, null, "skipped", reason));
    plan.report(new NoteOutcome.Counted(plan.path, NoteOutcome.Tally.ENTRIES_SKIPPED));
  }

  private NotePlan.EntryPlan planEntry(
      NotePlan plan,
      NoteDigest.EntryDigest e,
      String hash,
      ActivityState existing,
      CrmPull.Result pulled) {
    if (existing == null) {
      return new NotePlan.EntryPlan(e, hash, null, true, null, "new entry");
    }
    CrmPull.Activity crmRecord =
        existing.crmId() == null ? null : pulled.activities.get(existing.crmId());
    String crm =
        crmRecord == null
            ? existing.pendingHash()
            : Fingerprint.ofFields(SyncPlanner.owned(crmRecord.record(), activityFields));
    boolean deleted =
        crmRecord != null ? CrmRecords.deleted(crmRecord.record()) : existing.deletedInCrm();
    if (hash.equals(existing.syncedHash())) {
      if (deleted && settings.deleteInVault()) {
        plan.vaultRemovals.add(existing);
        return new NotePlan.EntryPlan(
            e, hash, existing, false, "deleted", SyncPlanner.DELETED_IN_VAULT);
      }
      if (deleted) {
        plan.markDeleted(existing);
        return new NotePlan.EntryPlan(
            e,
            hash,
            existing,
            false,
            "unchanged",
            "deleted in the CRM; not re-created unless the entry changes");
      }
      if (crm != null && !crm.equals(existing.syncedHash())) {
        plan.keepCrmChange(existing, crm);
        return new NotePlan.EntryPlan(
            e, hash, existing, false, "unchanged", "changed in the CRM; the vault owns this entry");
      }
      return new NotePlan.EntryPlan(e, hash, existing, false, "unchanged", null);
    }
    if (deleted) {
      return new NotePlan.EntryPlan(
          e, hash, existing, true, null, "changed in the vault; re-created after a CRM delete");
    }
    if (crm == null || crm.equals(existing.syncedHash()) || crm.equals(hash)) {
      return new NotePlan.EntryPlan(e, hash, existing, true, null, "entry changed");
    }
    return conflict(plan, e, hash, existing, crm);
  }

  /** An entry changed in the vault and its activity in the CRM: the conflict policy decides. */
  private NotePlan.EntryPlan conflict(
      NotePlan plan, NoteDigest.EntryDigest e, String hash, ActivityState existing, String crm) {
    ConflictPolicy policy = settings.conflictPolicy();
    plan.report(
        new NoteOutcome.Conflict(
            plan.path,
            new RunReport.Conflict(
                existing.key(),
                existing.crmId(),
                e.line(),
                SyncPlanner.resolution(policy),
                hash,
                crm),
            policy == ConflictPolicy.REPORT));
    return switch (policy) {
      case VAULT_WINS ->
          new NotePlan.EntryPlan(e, hash, existing, true, null, "conflict: the vault wins");
      case CRM_WINS -> {
        plan.stateUpdates.add(existing.withHashes(hash, null));
        yield new NotePlan.EntryPlan(
            e, hash, existing, false, "conflict", "conflict: the CRM wins; its activity is kept");
      }
      case REPORT -> {
        plan.keepCrmChange(existing, crm);
        yield new NotePlan.EntryPlan(
            e, hash, existing, false, "conflict", "changed on both sides; nothing overwritten");
      }
    };
  }
}
