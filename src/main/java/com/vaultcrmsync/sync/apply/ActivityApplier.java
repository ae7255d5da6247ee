package com.vaultcrmsync.sync.apply;

import com.vaultcrmsync.crm.CrmWriter;
import com.vaultcrmsync.crm.SalesforceId;
import com.vaultcrmsync.crm.SaveResult;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.sync.ApiBudget;
import com.vaultcrmsync.sync.RunSetup;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.plan.NoteOutcome;
import com.vaultcrmsync.sync.plan.NotePlan;
import com.vaultcrmsync.sync.plan.VaultKey;
import com.vaultcrmsync.sync.state.ActivityState;
import com.vaultcrmsync.sync.state.StateStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the planned activity upserts (by external id) and deletes, each batched across notes
 * through sObject Collections within the API budget, and records entries that are not pushed. A
 * record's state row advances only after its write succeeded; a failed record marks its plan failed
 * and is reported, the rest are applied. Also stores the plans' state-only updates. In a dry run
 * nothing is written and the report says what would be.
 */
final class ActivityApplier {
  /** Activity records per gateway call: whole collections of 200, a few at a time. */
  private static final int UPSERT_SLICE = 2000;

  private final CrmWriter crm;
  private final StateStore state;
  private final ApiBudget budget;
  private final Mappings mappings;
  private final SyncSettings settings;
  private final String runId;
  private final boolean dryRun;

  ActivityApplier(RunSetup run, ApiBudget budget) {
    this.crm = run.writer();
    this.state = run.state();
    this.budget = budget;
    this.mappings = run.mapper().mappings();
    this.settings = run.settings();
    this.runId = run.runId();
    this.dryRun = run.request().dryRun();
  }

  /** One record of the activity upsert batch and where its result goes. */
  private record Upsert(NotePlan plan, NotePlan.EntryPlan entry, String key) {}

  /** Upserts the entries to push; reports the others. */
  void upsert(List<NotePlan> plans, List<NoteOutcome> out) {
    String sObject = mappings.activity().sObject();
    String extField = mappings.activity().externalIdField();
    List<Upsert> refs = new ArrayList<>();
    for (NotePlan p : plans) {
      out.add(new NoteOutcome.Touched(p.path));
      for (NotePlan.EntryPlan e : p.entries) {
        int line = e.entry().line();
        if (!e.push()) {
          out.add(
              new NoteOutcome.Entry(
                  p.path,
                  line,
                  e.existing() == null ? null : e.existing().key(),
                  e.existing() == null ? null : e.existing().crmId(),
                  e.action(),
                  e.reason()));
          if ("unchanged".equals(e.action())) {
            out.add(new NoteOutcome.Counted(p.path, NoteOutcome.Tally.ACTIVITIES_UNCHANGED));
          }
          continue;
        }
        if (p.failed || p.accountId == null) {
          if (dryRun && p.accountAction == NotePlan.AccountAction.CREATE) {
            written(out, p.path, line, null, null, true, e.reason());
          } else {
            out.add(
                new NoteOutcome.Entry(
                    p.path, line, null, null, "skipped", "the account could not be written"));
            out.add(new NoteOutcome.Counted(p.path, NoteOutcome.Tally.ENTRIES_SKIPPED));
          }
          continue;
        }
        String key = VaultKey.of(p.accountId, e.entry().date(), e.entry().subject());
        if (dryRun) {
          boolean create = e.existing() == null || e.existing().deletedInCrm();
          String id = e.existing() == null ? null : e.existing().crmId();
          written(out, p.path, line, key, id, create, e.reason());
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
      upserted(sObject, slice, crm.upsert(sObject, extField, records), out);
    }
  }

  /** An entry row of an activity created or updated, counted in the totals. */
  private static void written(
      List<NoteOutcome> out,
      String path,
      int line,
      String key,
      String crmId,
      boolean created,
      String reason) {
    out.add(new NoteOutcome.Entry(path, line, key, crmId, created ? "created" : "updated", reason));
    out.add(
        new NoteOutcome.Counted(
            path,
            created ? NoteOutcome.Tally.ACTIVITIES_CREATED : NoteOutcome.Tally.ACTIVITIES_UPDATED));
  }

  private void upserted(
      String sObject, List<Upsert> refs, List<SaveResult> results, List<NoteOutcome> out) {
    for (int i = 0; i < refs.size(); i++) {
      NotePlan p = refs.get(i).plan();
      NotePlan.EntryPlan e = refs.get(i).entry();
      String key = refs.get(i).key();
      SaveResult r = results.get(i);
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
        written(out, p.path, e.entry().line(), key, id, r.created(), e.reason());
      } else {
        p.failed = true;
        p.activityDates.remove(e.entry().date());
        String why = PlanApplier.describe(r.errors());
        out.add(new NoteOutcome.Entry(p.path, e.entry().line(), key, null, "failed", why));
        out.add(
            new NoteOutcome.Problem(
                p.path, "line " + e.entry().line() + ": " + why, e.entry().line()));
      }
    }
  }

  /**
   * Deletes (or, with {@code sync.deletes.vault-to-crm=false}, forgets) the activities of entries
   * removed from their notes, and stores the plans' state-only updates.
   */
  void remove(List<NotePlan> plans, List<NoteOutcome> out) {
    List<ActivityState> toDelete = new ArrayList<>();
    for (NotePlan p : plans) {
      out.add(new NoteOutcome.Touched(p.path));
      for (ActivityState a : p.removals) {
        boolean delete = settings.deleteInCrm() && a.crmId() != null && !a.deletedInCrm();
        out.add(
            new NoteOutcome.Entry(
                p.path,
                null,
                a.key(),
                a.crmId(),
                delete ? "deleted" : "removed",
                delete
                    ? "entry removed from the note; its CRM activity is deleted"
                        + " (sync.deletes.vault-to-crm)"
                    : "entry removed from the note; its CRM activity stays"
                        + " (sync.deletes.vault-to-crm=false)"));
        if (delete) {
          toDelete.add(a);
        } else if (!dryRun) {
          state.removeActivity(a.key());
          state.audit(runId, "state", "forget", a.key(), a.syncedHash(), null);
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
        out.add(
            new NoteOutcome.Problem(
                a.notePath(),
                "delete of "
                    + a.crmId()
                    + " failed: "
                    + PlanApplier.describe(results.get(i).errors()),
                null));
      }
    }
  }
}
