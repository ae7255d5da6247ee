package com.vaultcrmsync.sync.apply;

import com.vaultcrmsync.crm.CrmWriter;
import com.vaultcrmsync.crm.SalesforceId;
import com.vaultcrmsync.crm.SaveResult;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.sync.ApiBudget;
import com.vaultcrmsync.sync.RunSetup;
import com.vaultcrmsync.sync.plan.NoteOutcome;
import com.vaultcrmsync.sync.plan.NotePlan;
import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.StateStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the planned Account creates and updates (each as sObject Collections calls, within the API
 * budget) and stores each Account's link only after its write succeeded; a failed Account marks its
 * plan failed and is reported. Also stores the links of read notes whose Account needed no write.
 * In a dry run nothing is written and the report says what would be.
 */
final class AccountApplier {
  private final CrmWriter crm;
  private final StateStore state;
  private final ApiBudget budget;
  private final Mappings mappings;
  private final String runId;
  private final boolean dryRun;

  AccountApplier(RunSetup run, ApiBudget budget) {
    this.crm = run.writer();
    this.state = run.state();
    this.budget = budget;
    this.mappings = run.mapper().mappings();
    this.runId = run.runId();
    this.dryRun = run.request().dryRun();
  }

  /** Creates the Accounts of plans whose action is {@link NotePlan.AccountAction#CREATE}. */
  void create(List<NotePlan> plans, List<NoteOutcome> out) {
    List<NotePlan> todo =
        plans.stream().filter(p -> p.accountAction == NotePlan.AccountAction.CREATE).toList();
    if (todo.isEmpty()) {
      return;
    }
    String sObject = mappings.account().sObject();
    if (dryRun) {
      todo.forEach(p -> out.add(written(p, true)));
      return;
    }
    budget.require(ApiBudget.collectionCalls(todo.size()), "creating " + todo.size() + " accounts");
    List<Map<String, Object>> records =
        todo.stream().<Map<String, Object>>map(p -> new LinkedHashMap<>(p.accountFields)).toList();
    List<SaveResult> results = crm.create(sObject, records);
    for (int i = 0; i < todo.size(); i++) {
      NotePlan p = todo.get(i);
      SaveResult r = results.get(i);
      if (r.success()) {
        p.accountId = SalesforceId.to18(r.id());
        p.writeId = true;
        state.putLink(new AccountLink(p.accountId, p.path, p.accountHash, null));
        state.audit(runId, "crm", "create", sObject + "/" + p.accountId, null, p.accountHash);
        out.add(written(p, true));
      } else {
        accountFailed(p, r, out);
      }
    }
  }

  /**
   * Updates the Accounts of plans whose action is {@link NotePlan.AccountAction#UPDATE}, then
   * stores the links of the other read notes' Accounts where they changed.
   */
  void update(List<NotePlan> plans, List<NoteOutcome> out) {
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
          out.add(written(p, false));
        } else {
          accountFailed(p, r, out);
        }
      }
    } else {
      todo.forEach(p -> out.add(written(p, false)));
    }
    for (NotePlan p : plans) {
      if (p.accountAction != NotePlan.AccountAction.NONE
          || p.accountId == null
          || p.digest == null) {
        continue;
      }
      out.add(new NoteOutcome.Counted(p.path, NoteOutcome.Tally.ACCOUNTS_UNCHANGED));
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

  private static NoteOutcome written(NotePlan p, boolean created) {
    return new NoteOutcome.AccountWritten(p.path, p.accountId, created);
  }

  private void accountFailed(NotePlan p, SaveResult r, List<NoteOutcome> out) {
    p.failed = true;
    out.add(new NoteOutcome.Acted(p.path, null, "failed"));
    out.add(
        new NoteOutcome.Problem(
            p.path,
            mappings.account().sObject() + " write failed: " + PlanApplier.describe(r.errors()),
            null));
  }
}
