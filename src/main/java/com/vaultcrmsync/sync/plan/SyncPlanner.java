package com.vaultcrmsync.sync.plan;

import com.vaultcrmsync.crm.CrmRecords;
import com.vaultcrmsync.crm.SalesforceId;
import com.vaultcrmsync.mapping.FieldRule;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.sync.run.CrmPull;
import com.vaultcrmsync.sync.run.RunRecorder;
import com.vaultcrmsync.sync.run.SyncSettings;
import com.vaultcrmsync.sync.run.SyncSettings.ConflictPolicy;
import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.StateStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides, from the note as read, the CRM changes pulled and the last synced version in the state,
 * what each record needs: push, pull, nothing (an echo of the sync's own write), or a conflict
 * resolved by the configured policy. It writes nothing. It records the match of each note and
 * leaves the rest to its parts: {@link AccountPlanner} (account fields), {@link EntryPlanner} (the
 * note's entries) and {@link PulledActivityPlanner} (the pulled activities).
 */
public final class SyncPlanner {
  static final String DELETED_IN_VAULT =
      "deleted in the CRM; its entry is removed from the note (sync.deletes.crm-to-vault)";
  private final RunRecorder rec;
  private final AccountPlanner accounts;
  private final EntryPlanner entries;
  private final PulledActivityPlanner activities;

  public SyncPlanner(StateStore state, SyncSettings settings, Mappings mappings, RunRecorder rec) {
    this.rec = rec;
    List<String> accountFields = fieldsOf(mappings.account().fields());
    List<String> activityFields = fieldsOf(mappings.activity().fields());
    this.accounts = new AccountPlanner(state, settings, accountFields, rec);
    this.entries = new EntryPlanner(state, settings, activityFields, rec);
    this.activities = new PulledActivityPlanner(state, settings, mappings, activityFields, rec);
  }

  /** Plans a note read this run. */
  public NotePlan planNote(
      NoteDigest d, AccountMatch match, AccountLink link, CrmPull.Result pulled) {
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
      default -> accounts.plan(plan, link, pulled);
    }
    if (plan.accountId != null
        && (d.idValue() == null
            || !plan.accountId.equals(SalesforceId.to18(d.idValue().strip())))) {
      plan.writeId = true;
    }
    entries.plan(plan, pulled);
    return plan;
  }

  /**
   * Plans the pulled CRM activities: those of linked Accounts that did not come from the vault
   * become entry lines; CRM-side changes to vault-owned activities are remembered.
   *
   * @param links account id to note path
   * @param planFor the plan of a note path (created for notes not read this run)
   */
  public void planPulled(
      CrmPull.Result pulled, Map<String, String> links, Function<String, NotePlan> planFor) {
    planPulled(pulled.activities.values(), links, planFor);
  }

  /** Plans some of the pulled activities (those of one batch of notes), as above. */
  public void planPulled(
      Collection<CrmPull.Activity> activities,
      Map<String, String> links,
      Function<String, NotePlan> planFor) {
    this.activities.plan(activities, links, planFor);
  }

  /**
   * Remembers CRM-side changes to the vault-owned fields of Accounts whose notes did not change:
   * the vault keeps owning them, and a later vault edit is then seen as a conflict.
   *
   * @return the links to store
   */
  public List<AccountLink> pulledAccounts(CrmPull.Result pulled, Set<String> notesRead) {
    return accounts.pulledAccounts(pulled, notesRead);
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

  private static List<String> fieldsOf(List<FieldRule> rules) {
    return rules.stream().map(FieldRule::field).toList();
  }

  /** The CRM record's values of the fields the vault owns, comparable with the vault's. */
  public static Map<String, Object> owned(Map<String, Object> record, List<String> fields) {
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
