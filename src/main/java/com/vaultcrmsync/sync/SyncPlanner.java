package com.vaultcrmsync.sync;

import com.vaultcrmsync.mapping.FieldRule;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncSettings.ConflictPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides, from the note as read, the CRM changes pulled and the last synced version in the state,
 * what each record needs: push, pull, nothing (an echo of the sync's own write), or a conflict
 * resolved by the configured policy. It writes nothing.
 */
final class SyncPlanner {
  private static final String DELETED_IN_VAULT =
      "deleted in the CRM; its entry is removed from the note (sync.deletes.crm-to-vault)";
  private final StateStore state;
  private final SyncSettings settings;
  private final Mappings mappings;
  private final RunRecorder rec;

  SyncPlanner(StateStore state, SyncSettings settings, Mappings mappings, RunRecorder rec) {
    this.state = state;
    this.settings = settings;
    this.mappings = mappings;
    this.rec = rec;
  }

  /** Plans a note read this run. */
  NotePlan planNote(NoteDigest d, AccountMatch match, AccountLink link, CrmPull.Result pulled) {
    NotePlan plan = new NotePlan(d.path(), d.title(), d);
    plan.match = match;
    plan.accountId = match.accountId();
    plan.linkedBefore = link != null && link.accountId().equals(match.accountId());
    plan.accountFields = d.accountFields();
    plan.accountHash = Fingerprint.ofFields(d.accountFields());
    RunRecorder.NoteRecord note = rec.note(d.path());
    note.title = d.title();
    note.match = match.kind().label();
    note.crmId = match.accountId();
    note.reason = match.reason();
    switch (match.kind()) {
      case AMBIGUOUS -> {
        note.action = "skipped";
        note.error("ambiguous match: " + match.reason() + "; nothing was written", null);
        return plan;
      }
      case UNMATCHED -> {
        note.action = "skipped";
        return plan;
      }
      case CREATED -> plan.accountAction = NotePlan.AccountAction.CREATE;
      default -> planAccount(plan, link, pulled);
    }
    if (plan.accountId != null
        && (d.idValue() == null
            || !plan.accountId.equals(SalesforceId.to18(d.idValue().strip())))) {
      plan.writeId = true;
    }
    planEntries(plan, pulled);
    return plan;
  }

  private void planAccount(NotePlan plan, AccountLink link, CrmPull.Result pulled) {
    Map<String, Object> crmAccount = pulled.accounts.get(plan.accountId);
    if (crmAccount != null) {
      plan.crmAccountHash = Fingerprint.ofFields(owned(crmAccount, accountFields()));
    }
    String base = plan.linkedBefore ? link.syncedHash() : null;
    if (plan.accountHash.equals(plan.crmAccountHash)) {
      return;
    }
    if (base == null) {
      plan.accountAction = NotePlan.AccountAction.UPDATE;
      return;
    }
    if (plan.accountHash.equals(base)) {
      if (plan.crmAccountHash != null && !plan.crmAccountHash.equals(link.pendingHash())) {
        plan.linkAfter = new AccountLink(plan.accountId, plan.path, base, plan.crmAccountHash);
      }
      return;
    }
    String crm = plan.crmAccountHash != null ? plan.crmAccountHash : link.pendingHash();
    boolean crmChanged = crm != null && !crm.equals(base);
    if (!crmChanged) {
      plan.accountAction = NotePlan.AccountAction.UPDATE;
      return;
    }
    ConflictPolicy policy = settings.conflictPolicy();
    rec.note(plan.path)
        .conflicts
        .add(
            new RunReport.Conflict(
                "account", plan.accountId, null, resolution(policy), plan.accountHash, crm));
    switch (policy) {
      case VAULT_WINS -> plan.accountAction = NotePlan.AccountAction.UPDATE;
      case CRM_WINS ->
          plan.linkAfter = new AccountLink(plan.accountId, plan.path, plan.accountHash, null);
      case REPORT -> {
        rec.unresolvedConflict();
        plan.linkAfter = new AccountLink(plan.accountId, plan.path, base, crm);
      }
    }
  }

  private void planEntries(NotePlan plan, CrmPull.Result pulled) {
    NoteDigest d = plan.digest;
    RunRecorder.NoteRecord note = rec.note(plan.path);
    Map<String, Integer> seen = new HashMap<>();
    Set<String> keys = new HashSet<>();
    Set<String> crmIds = new HashSet<>();
    for (NoteDigest.EntryDigest e : d.entries()) {
      if (e.crmId() != null) {
        crmIds.add(SalesforceId.to18(e.crmId()));
        continue;
      }
      if (e.date() == null) {
        note.entry(e.line(), null, null, "skipped", "undated entry");
        rec.entriesSkipped++;
        continue;
      }
      String identity = e.date() + "|" + VaultKey.normalise(e.subject() == null ? "" : e.subject());
      Integer first = seen.putIfAbsent(identity, e.line());
      if (first != null) {
        note.entry(e.line(), null, null, "skipped", "same date and subject as line " + first);
        rec.entriesSkipped++;
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
            : Fingerprint.ofFields(owned(crmRecord.record(), activityFields()));
    boolean deleted =
        crmRecord != null ? CrmRecords.deleted(crmRecord.record()) : existing.deletedInCrm();
    if (hash.equals(existing.syncedHash())) {
      if (deleted && settings.deleteInVault()) {
        plan.vaultRemovals.add(existing);
        return new NotePlan.EntryPlan(e, hash, existing, false, "deleted", DELETED_IN_VAULT);
      }
      if (deleted) {
        markDeleted(plan, existing);
        return new NotePlan.EntryPlan(
            e,
            hash,
            existing,
            false,
            "unchanged",
            "deleted in the CRM; not re-created unless the entry changes");
      }
      if (crm != null && !crm.equals(existing.syncedHash())) {
        keepCrmChange(plan, existing, crm);
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
    ConflictPolicy policy = settings.conflictPolicy();
    rec.note(plan.path)
        .conflicts
        .add(
            new RunReport.Conflict(
                existing.key(), existing.crmId(), e.line(), resolution(policy), hash, crm));
    return switch (policy) {
      case VAULT_WINS ->
          new NotePlan.EntryPlan(e, hash, existing, true, null, "conflict: the vault wins");
      case CRM_WINS -> {
        plan.stateUpdates.add(existing.withHashes(hash, null));
        yield new NotePlan.EntryPlan(
            e, hash, existing, false, "conflict", "conflict: the CRM wins; its activity is kept");
      }
      case REPORT -> {
        rec.unresolvedConflict();
        keepCrmChange(plan, existing, crm);
        yield new NotePlan.EntryPlan(
            e, hash, existing, false, "conflict", "changed on both sides; nothing overwritten");
      }
    };
  }

  /**
   * Plans the pulled CRM activities: those of linked Accounts that did not come from the vault
   * become entry lines; CRM-side changes to vault-owned activities are remembered.
   *
   * @param links account id to note path
   * @param planFor the plan of a note path (created for notes not read this run)
   */
  void planPulled(
      CrmPull.Result pulled, Map<String, String> links, Function<String, NotePlan> planFor) {
    planPulled(pulled.activities.values(), links, planFor);
  }

  /** Plans some of the pulled activities (those of one batch of notes), as above. */
  void planPulled(
      Collection<CrmPull.Activity> activities,
      Map<String, String> links,
      Function<String, NotePlan> planFor) {
    String extField = mappings.activity().externalIdField();
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
        vaultOwnedChange(a, row, planFor);
        continue;
      }
      String accountId = accountOf(r);
      String path = accountId == null ? null : links.get(accountId);
      if (path == null) {
        continue;
      }
      boolean deleted = CrmRecords.deleted(r);
      String line;
      try {
        line = deleted ? null : CrmEntryLine.render(r);
      } catch (IllegalArgumentException e) {
        rec.note(path)
            .error(
                "CRM activity " + id + " cannot be written as an entry: " + e.getMessage(), null);
        continue;
      }
      String hash = deleted ? null : Fingerprint.of(line);
      if (deleted
          ? row == null || !settings.deleteInVault() && row.deletedInCrm()
          : row != null && hash.equals(row.syncedHash())) {
        // Already applied: the sync's own line seen again, or a delete already reported.
        continue;
      }
      NotePlan plan = planFor.apply(path);
      if (plan == null || plan.accountId == null || plan.failed) {
        continue;
      }
      RunRecorder.NoteRecord note = rec.note(path);
      if (deleted) {
        if (row != null && settings.deleteInVault()) {
          plan.vaultRemovals.add(row);
          note.entry(null, row.key(), id, "deleted", DELETED_IN_VAULT);
        } else if (row != null && !row.deletedInCrm()) {
          markDeleted(plan, row);
          note.entry(
              null,
              row.key(),
              id,
              "deleted",
              "deleted in the CRM; its entry stays in the note (sync.deletes.crm-to-vault=false)");
        }
        continue;
      }
      plan.activityDates.add(CrmEntryLine.date(r));
      String vaultLine = vaultLine(plan, id);
      if (plan.digest != null && row != null && vaultLine == null) {
        continue;
      }
      if (row != null && vaultLine != null && !Fingerprint.of(vaultLine).equals(row.lineHash())) {
        ConflictPolicy policy = settings.conflictPolicy();
        note.conflicts.add(
            new RunReport.Conflict(row.key(), id, null, resolution(policy), vaultLine, line));
        switch (policy) {
          case CRM_WINS ->
              plan.crmLines.add(
                  new NotePlan.CrmLinePlan(
                      id, line, CrmEntryLine.date(r), row, "conflict: the CRM wins"));
          case VAULT_WINS -> {
            plan.stateUpdates.add(
                new ActivityState(
                    row.key(),
                    row.origin(),
                    row.crmId(),
                    row.accountId(),
                    row.notePath(),
                    CrmEntryLine.date(r),
                    hash,
                    Fingerprint.of(vaultLine),
                    null,
                    null,
                    false));
            note.entry(
                null, row.key(), id, "conflict", "conflict: the vault wins; its line is kept");
          }
          case REPORT -> {
            rec.unresolvedConflict();
            plan.stateUpdates.add(
                new ActivityState(
                    row.key(),
                    row.origin(),
                    row.crmId(),
                    row.accountId(),
                    row.notePath(),
                    row.activityDate(),
                    row.syncedHash(),
                    row.lineHash(),
                    hash,
                    line,
                    false));
            note.entry(
                null, row.key(), id, "conflict", "changed on both sides; nothing overwritten");
          }
        }
        continue;
      }
      plan.crmLines.add(
          new NotePlan.CrmLinePlan(
              id,
              line,
              CrmEntryLine.date(r),
              row,
              row == null ? "new CRM activity" : "changed in the CRM"));
    }
  }

  /**
   * Remembers CRM-side changes to the vault-owned fields of Accounts whose notes did not change:
   * the vault keeps owning them, and a later vault edit is then seen as a conflict.
   *
   * @return the links to store
   */
  List<AccountLink> pulledAccounts(CrmPull.Result pulled, Set<String> notesRead) {
    List<AccountLink> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> a : pulled.accounts.entrySet()) {
      AccountLink link = state.linkByAccount(a.getKey()).orElse(null);
      if (link == null || notesRead.contains(link.notePath()) || link.syncedHash() == null) {
        continue;
      }
      String crm = Fingerprint.ofFields(owned(a.getValue(), accountFields()));
      if (!crm.equals(link.syncedHash()) && !crm.equals(link.pendingHash())) {
        out.add(new AccountLink(link.accountId(), link.notePath(), link.syncedHash(), crm));
      }
    }
    return out;
  }

  private void vaultOwnedChange(
      CrmPull.Activity a, ActivityState row, Function<String, NotePlan> planFor) {
    if (row == null) {
      return;
    }
    boolean deleted = CrmRecords.deleted(a.record());
    String crm = deleted ? null : Fingerprint.ofFields(owned(a.record(), activityFields()));
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
        rec.note(row.notePath()).entry(null, row.key(), row.crmId(), "deleted", DELETED_IN_VAULT);
      } else if (!row.deletedInCrm()) {
        markDeleted(plan, row);
        rec.note(row.notePath())
            .entry(
                null,
                row.key(),
                row.crmId(),
                "deleted",
                "deleted in the CRM; the entry stays in the note");
      }
      return;
    }
    if (!crm.equals(row.syncedHash()) && !crm.equals(row.pendingHash())) {
      keepCrmChange(plan, row, crm);
      rec.note(row.notePath())
          .entry(
              null,
              row.key(),
              row.crmId(),
              "unchanged",
              "changed in the CRM; the vault owns this entry");
    }
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

  private static void keepCrmChange(NotePlan plan, ActivityState a, String crm) {
    if (!crm.equals(a.pendingHash())) {
      plan.stateUpdates.add(a.withPending(crm));
    }
  }

  private static void markDeleted(NotePlan plan, ActivityState a) {
    if (!a.deletedInCrm()) {
      plan.stateUpdates.add(a.deleted());
    }
  }

  /** The Account an activity belongs to: {@code AccountId}, else an Account {@code WhatId}. */
  static String accountOf(Map<String, Object> r) {
    String account = CrmRecords.text(r, "AccountId");
    if (account == null) {
      String what = CrmRecords.text(r, "WhatId");
      account = what != null && what.startsWith("001") ? what : null;
    }
    return SalesforceId.to18(account);
  }

  private List<String> accountFields() {
    return mappings.account().fields().stream().map(FieldRule::field).toList();
  }

  private List<String> activityFields() {
    return mappings.activity().fields().stream().map(FieldRule::field).toList();
  }

  /** The CRM record's values of the fields the vault owns, comparable with the vault's. */
  static Map<String, Object> owned(Map<String, Object> record, List<String> fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : fields) {
      out.put(f, record.get(f));
    }
    return out;
  }

  static String resolution(ConflictPolicy policy) {
    return policy == ConflictPolicy.REPORT ? "reported" : policy.label();
  }
}
