package com.vaultcrmsync.sync.plan;

import com.vaultcrmsync.crm.CrmRecords;
import com.vaultcrmsync.crm.SalesforceId;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.SyncSettings.ConflictPolicy;
import com.vaultcrmsync.sync.run.CrmPull;
import com.vaultcrmsync.sync.state.ActivityState;
import com.vaultcrmsync.sync.state.StateStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plans the pulled CRM activities: those of linked Accounts that did not come from the vault become
 * entry lines to add, replace or remove (a line edited on both sides is a conflict the policy
 * decides); CRM-side changes and deletes of vault-owned activities are remembered in the state. It
 * writes nothing; what it decides goes to the run report.
 */
final class PulledActivityPlanner {
  private final StateStore state;
  private final SyncSettings settings;
  private final Mappings mappings;
  private final List<String> activityFields;

  /**
   * @param activityFields the activity fields the vault owns
   */
  PulledActivityPlanner(
      StateStore state, SyncSettings settings, Mappings mappings, List<String> activityFields) {
    this.state = state;
    this.settings = settings;
    this.mappings = mappings;
    this.activityFields = activityFields;
  }

  /**
   * Plans {@code activities} into the plans of their notes.
   *
   * @param links account id to note path
   * @param planFor the plan of a note path (created for notes not read this run)
   * @return what the report says of them, in order
   */
  List<NoteOutcome> plan(
      Collection<CrmPull.Activity> activities,
      Map<String, String> links,
      Function<String, NotePlan> planFor) {
    String extField = mappings.activity().externalIdField();
    List<NoteOutcome> out = new ArrayList<>();
    for (CrmPull.Activity a : activities) {
      Map<String, Object> r = a.record();
      String id = CrmRecords.id(r);
      String extKey =
          a.sObject().equals(mappings.activity().sObject()) ? CrmRecords.text(r, extField) : null;
      ActivityState row =
          state
              .activityByCrmId(id)
              .or(() -> extKey == null ? Optional.empty() : state.activity(extKey))
              .orElse(null);
      if (extKey != null || (row != null && row.origin() == ActivityState.Origin.VAULT)) {
        vaultOwnedChange(a, row, planFor, out);
        continue;
      }
      String accountId = SyncPlanner.accountOf(r);
      String path = accountId == null ? null : links.get(accountId);
      if (path != null) {
        crmOwnedChange(r, row, path, planFor, out);
      }
    }
    return out;
  }

  /** A CRM-owned activity of a linked Account: an entry line to add, replace or remove. */
  private void crmOwnedChange(
      Map<String, Object> r,
      ActivityState row,
      String path,
      Function<String, NotePlan> planFor,
      List<NoteOutcome> out) {
    String id = CrmRecords.id(r);
    boolean deleted = CrmRecords.deleted(r);
    String line;
    try {
      line = deleted ? null : CrmEntryLine.render(r);
    } catch (IllegalArgumentException e) {
      out.add(
          new NoteOutcome.Problem(
              path,
              "CRM activity " + id + " cannot be written as an entry: " + e.getMessage(),
              null));
      return;
    }
    String hash = deleted ? null : Fingerprint.of(line);
    if (deleted
        ? row == null || !settings.deleteInVault() && row.deletedInCrm()
        : row != null && hash.equals(row.syncedHash())) {
      // Already applied: the sync's own line seen again, or a delete already reported.
      return;
    }
    NotePlan plan = planFor.apply(path);
    if (plan == null || plan.accountId == null || plan.failed) {
      return;
    }
    out.add(new NoteOutcome.Touched(path));
    if (deleted) {
      deletedLine(plan, path, row, id, out);
      return;
    }
    plan.activityDates.add(CrmEntryLine.date(r));
    String vaultLine = vaultLine(plan, id);
    if (plan.digest != null && row != null && vaultLine == null) {
      return;
    }
    if (row != null && vaultLine != null && !Fingerprint.of(vaultLine).equals(row.lineHash())) {
      lineConflict(plan, path, row, r, new Lines(line, hash, vaultLine), out);
      return;
    }
    plan.crmLines.add(
        new NotePlan.CrmLinePlan(
            id,
            line,
            CrmEntryLine.date(r),
            row,
            row == null ? "new CRM activity" : "changed in the CRM"));
  }

  /** A CRM-owned activity deleted in the CRM: its entry is removed, or it is only marked. */
  private void deletedLine(
      NotePlan plan, String path, ActivityState row, String id, List<NoteOutcome> out) {
    if (row != null && settings.deleteInVault()) {
      plan.vaultRemovals.add(row);
      out.add(entry(path, row, id, "deleted", SyncPlanner.DELETED_IN_VAULT));
    } else if (row != null && !row.deletedInCrm()) {
      plan.markDeleted(row);
      out.add(
          entry(
              path,
              row,
              id,
              "deleted",
              "deleted in the CRM; its entry stays in the note"
                  + " (sync.deletes.crm-to-vault=false)"));
    }
  }

  /**
   * A line edited in the note and in the CRM: the conflict policy decides.
   *
   * @param lines the CRM's line, its hash and the note's line
   */
  private void lineConflict(
      NotePlan plan,
      String path,
      ActivityState row,
      Map<String, Object> r,
      Lines lines,
      List<NoteOutcome> out) {
    String id = CrmRecords.id(r);
    String line = lines.crm();
    String hash = lines.hash();
    String vaultLine = lines.vault();
    ConflictPolicy policy = settings.conflictPolicy();
    out.add(
        new NoteOutcome.Conflict(
            path,
            new RunReport.Conflict(
                row.key(), id, null, SyncPlanner.resolution(policy), vaultLine, line),
            policy == ConflictPolicy.REPORT));
    switch (policy) {
      case CRM_WINS ->
          plan.crmLines.add(
              new NotePlan.CrmLinePlan(
                  id, line, CrmEntryLine.date(r), row, "conflict: the CRM wins"));
      case VAULT_WINS -> {
        plan.stateUpdates.add(
            row.settledForVault(CrmEntryLine.date(r), hash, Fingerprint.of(vaultLine)));
        out.add(entry(path, row, id, "conflict", "conflict: the vault wins; its line is kept"));
      }
      case REPORT -> {
        plan.stateUpdates.add(row.withConflict(hash, line));
        out.add(entry(path, row, id, "conflict", "changed on both sides; nothing overwritten"));
      }
    }
  }

  /** A CRM line, its fingerprint and the note's line for the same activity. */
  private record Lines(String crm, String hash, String vault) {}

  private void vaultOwnedChange(
      CrmPull.Activity a,
      ActivityState row,
      Function<String, NotePlan> planFor,
      List<NoteOutcome> out) {
    if (row == null) {
      return;
    }
    boolean deleted = CrmRecords.deleted(a.record());
    String crm =
        deleted ? null : Fingerprint.ofFields(SyncPlanner.owned(a.record(), activityFields));
    boolean news =
        deleted
            ? settings.deleteInVault() || !row.deletedInCrm()
            : !crm.equals(row.syncedHash()) && !crm.equals(row.pendingHash());
    if (!news) {
      // The sync's own write seen again (or a change already remembered): nothing to plan.
      return;
    }
    NotePlan plan = planFor.apply(row.notePath());
    if (plan == null || plan.digest != null) {
      return;
    }
    if (deleted) {
      if (settings.deleteInVault()) {
        plan.vaultRemovals.add(row);
        out.add(entry(row.notePath(), row, row.crmId(), "deleted", SyncPlanner.DELETED_IN_VAULT));
      } else if (!row.deletedInCrm()) {
        plan.markDeleted(row);
        out.add(
            entry(
                row.notePath(),
                row,
                row.crmId(),
                "deleted",
                "deleted in the CRM; the entry stays in the note"));
      }
      return;
    }
    if (!crm.equals(row.syncedHash()) && !crm.equals(row.pendingHash())) {
      plan.keepCrmChange(row, crm);
      out.add(
          entry(
              row.notePath(),
              row,
              row.crmId(),
              "unchanged",
              "changed in the CRM; the vault owns this entry"));
    }
  }

  /** A row of an activity whose line is not in the note. */
  private static NoteOutcome entry(
      String path, ActivityState row, String crmId, String action, String reason) {
    return new NoteOutcome.Entry(path, null, row.key(), crmId, action, reason);
  }

  private static String vaultLine(NotePlan plan, String crmId) {
    if (plan.digest == null) {
      return null;
    }
    return plan.digest.entries().stream()
        .filter(e -> e.crmId() != null && SalesforceId.to18(e.crmId()).equals(crmId))
        .map(NoteDigest.EntryDigest::raw)
        .findFirst()
        .orElse(null);
  }
}
