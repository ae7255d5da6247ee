package com.vaultcrmsync.sync.plan;

import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.SyncSettings.ConflictPolicy;
import com.vaultcrmsync.sync.run.CrmPull;
import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the vault-owned fields of linked Accounts: whether a read note's Account needs an update
 * (or, on both sides changed, what the conflict policy decides), and which CRM-side changes to the
 * Accounts of unread notes to remember. It writes nothing; conflicts go to the run report.
 */
final class AccountPlanner {
  private final StateStore state;
  private final SyncSettings settings;
  private final List<String> accountFields;

  /**
   * @param accountFields the Account fields the vault owns
   */
  AccountPlanner(StateStore state, SyncSettings settings, List<String> accountFields) {
    this.state = state;
    this.settings = settings;
    this.accountFields = accountFields;
  }

  /**
   * Sets {@code plan}'s account action (and the link to store after it) from the note's account
   * fields, the pulled Account and the last synced version in {@code link}.
   */
  void plan(NotePlan plan, AccountLink link, CrmPull.Result pulled) {
    Map<String, Object> crmAccount = pulled.accounts.get(plan.accountId);
    if (crmAccount != null) {
      plan.crmAccountHash = Fingerprint.ofFields(SyncPlanner.owned(crmAccount, accountFields));
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
    plan.report(
        new NoteOutcome.Conflict(
            plan.path,
            new RunReport.Conflict(
                "account",
                plan.accountId,
                null,
                SyncPlanner.resolution(policy),
                plan.accountHash,
                crm),
            policy == ConflictPolicy.REPORT));
    switch (policy) {
      case VAULT_WINS -> plan.accountAction = NotePlan.AccountAction.UPDATE;
      case CRM_WINS ->
          plan.linkAfter = new AccountLink(plan.accountId, plan.path, plan.accountHash, null);
      case REPORT -> plan.linkAfter = new AccountLink(plan.accountId, plan.path, base, crm);
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
      String crm = Fingerprint.ofFields(SyncPlanner.owned(a.getValue(), accountFields));
      if (!crm.equals(link.syncedHash()) && !crm.equals(link.pendingHash())) {
        out.add(new AccountLink(link.accountId(), link.notePath(), link.syncedHash(), crm));
      }
    }
    return out;
  }
}
