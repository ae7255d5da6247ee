package com.vaultcrmsync.sync.plan;

import com.vaultcrmsync.crm.CrmRecords;
import com.vaultcrmsync.crm.SalesforceId;
import com.vaultcrmsync.mapping.FieldRule;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.SyncSettings.ConflictPolicy;
import com.vaultcrmsync.sync.run.CrmPull;
import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.NoteState;
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
  private final StateStore state;
  private final AccountPlanner accounts;
  private final EntryPlanner entries;
  private final PulledActivityPlanner activities;

  public SyncPlanner(StateStore state, SyncSettings settings, Mappings mappings) {
    this.state = state;
    List<String> accountFields = fieldsOf(mappings.account().fields());
    List<String> activityFields = fieldsOf(mappings.activity().fields());
    this.accounts = new AccountPlanner(state, settings, accountFields);
    this.entries = new EntryPlanner(state, settings, activityFields);
    this.activities = new PulledActivityPlanner(state, settings, mappings, activityFields);
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
    plan.report(new NoteOutcome.Matched(d.path(), d.title(), match));
    switch (match.kind()) {
      case AMBIGUOUS -> {
        plan.report(new NoteOutcome.Acted(d.path(), null, "skipped"));
        plan.report(
            new NoteOutcome.Problem(
                d.path(), "ambiguous match: " + match.reason() + "; nothing was written", null));
        return plan;
      }
      case UNMATCHED -> {
        plan.report(new NoteOutcome.Acted(d.path(), null, "skipped"));
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
   * @return what the report says of the pulled activities, in order
   */
  public List<NoteOutcome> planPulled(
      CrmPull.Result pulled, Map<String, String> links, Function<String, NotePlan> planFor) {
    return planPulled(pulled.activities.values(), links, planFor);
  }

  /** Plans some of the pulled activities (those of one batch of notes), as above. */
  public List<NoteOutcome> planPulled(
      Collection<CrmPull.Activity> activities,
      Map<String, String> links,
      Function<String, NotePlan> planFor) {
    return this.activities.plan(activities, links, planFor);
  }

  /**
   * The plan of a linked note not read this run, for the pulled changes of its Account; null when
   * the note is not known or not linked.
   *
   * @param accountByNote note path to linked account id
   */
  public NotePlan planUnchanged(String path, Map<String, String> accountByNote) {
    NoteState known = state.note(path).orElse(null);
    String accountId = accountByNote.get(path);
    if (known == null || accountId == null) {
      return null;
    }
    NotePlan plan = new NotePlan(path, known.title(), null);
    plan.match = new AccountMatch(AccountMatch.Kind.ID, accountId, "linked");
    plan.accountId = accountId;
    plan.linkedBefore = true;
    return plan;
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
