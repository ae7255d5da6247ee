package com.vaultcrmsync.sync.plan;

import com.vaultcrmsync.crm.CrmRecords;
import com.vaultcrmsync.mapping.FieldRule;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.sync.RunSetup;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.ActivityState;
import com.vaultcrmsync.sync.state.StateStore;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, as each pulled record arrives, whether it can change anything this run: the sync's own
 * writes seen again (their hashes equal those stored when it wrote them), changes already
 * remembered, and activities of Accounts linked to no note are dropped at once, so that a pull
 * after a large push holds none of its echoes. The rules are the planner's ({@link
 * SyncPlanner#planPulled}, {@link SyncPlanner#planNote}): a record is dropped only when planning
 * with it and without it comes to the same.
 */
public final class EchoFilter {
  private final StateStore state;
  private final SyncSettings settings;
  private final Mappings mappings;
  private final Map<String, String> links;
  private final List<String> activityFields;
  private final List<String> accountFields;

  /** State rows of the page of records being decided, read by the prefetch methods. */
  private Set<String> prefetchedIds = Set.of();

  private Map<String, ActivityState> rowsByCrmId = Map.of();
  private Map<String, ActivityState> rowsByKey = Map.of();
  private Map<String, AccountLink> linksByAccount = Map.of();

  /**
   * @param links account id to note path of the links the run plans with
   */
  /** The filter of one run, with {@code links} (Account id → note path) as linked. */
  public static EchoFilter of(RunSetup run, Map<String, String> links) {
    return new EchoFilter(run.state(), run.settings(), run.mapper().mappings(), links);
  }

  public EchoFilter(
      StateStore state, SyncSettings settings, Mappings mappings, Map<String, String> links) {
    this.state = state;
    this.settings = settings;
    this.mappings = mappings;
    this.links = links;
    this.activityFields = mappings.activity().fields().stream().map(FieldRule::field).toList();
    this.accountFields = mappings.account().fields().stream().map(FieldRule::field).toList();
  }

  /**
   * Reads the state rows of a page of pulled activities in two queries (by CRM id, by external
   * key), for the {@link #keep} calls on those records that follow, instead of two per record.
   */
  public void prefetchActivities(String sObject, List<Map<String, Object>> records) {
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (Map<String, Object> r : records) {
      ids.add(CrmRecords.id(r));
      String extKey = externalKey(sObject, r);
      if (extKey != null) {
        keys.add(extKey);
      }
    }
    prefetchedIds = ids;
    rowsByCrmId = state.activitiesByCrmIds(ids);
    rowsByKey = keys.isEmpty() ? Map.of() : state.activitiesByKeys(keys);
  }

  /** As {@link #prefetchActivities} for a page of pulled Accounts and {@link #accountEcho}. */
  public void prefetchAccounts(List<Map<String, Object>> records) {
    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(CrmRecords.id(r)));
    prefetchedIds = ids;
    linksByAccount = state.linksByAccounts(ids);
  }

  /**
   * A pulled activity that can change something.
   *
   * @param notePath the note it is planned with
   * @param vaultOwned whether the vault owns it (a change to it may meet an edit of its entry)
   */
  public record Kept(String notePath, boolean vaultOwned) {}

  /**
   * Where a pulled activity must be planned, or null when it changes nothing (an echo, a change
   * already remembered, an activity of an Account linked to no note).
   */
  public Kept keep(String sObject, Map<String, Object> r) {
    String id = CrmRecords.id(r);
    String extKey = externalKey(sObject, r);
    ActivityState row = row(id, extKey);
    boolean deleted = CrmRecords.deleted(r);
    if (extKey != null || (row != null && row.origin() == ActivityState.Origin.VAULT)) {
      return row == null || vaultOwnedEcho(r, row, deleted) ? null : new Kept(row.notePath(), true);
    }
    String path = links.get(SyncPlanner.accountOf(r));
    if (path == null) {
      return null;
    }
    Kept kept = new Kept(path, false);
    if (deleted) {
      return row == null || !settings.deleteInVault() && row.deletedInCrm() ? null : kept;
    }
    if (row == null) {
      return kept;
    }
    try {
      return Fingerprint.of(CrmEntryLine.render(r)).equals(row.syncedHash()) ? null : kept;
    } catch (IllegalArgumentException e) {
      // Kept: the planner reports why it cannot become an entry.
      return kept;
    }
  }

  private String externalKey(String sObject, Map<String, Object> r) {
    return sObject.equals(mappings.activity().sObject())
        ? CrmRecords.text(r, mappings.activity().externalIdField())
        : null;
  }

  /** The state row of an activity: by CRM id, else by external key; prefetched when it can be. */
  private ActivityState row(String id, String extKey) {
    if (prefetchedIds.contains(id)) {
      ActivityState row = rowsByCrmId.get(id);
      return row != null || extKey == null ? row : rowsByKey.get(extKey);
    }
    return state
        .activityByCrmId(id)
        .or(() -> extKey == null ? Optional.empty() : state.activity(extKey))
        .orElse(null);
  }

  /**
   * A vault-owned activity the planner would read as its stored state anyway: without the record it
   * falls back to the row's pending hash and deleted flag, so the record may go only when they say
   * the same.
   */
  private boolean vaultOwnedEcho(Map<String, Object> r, ActivityState row, boolean deleted) {
    if (deleted) {
      return row.deletedInCrm() && !settings.deleteInVault();
    }
    if (row.deletedInCrm()) {
      return false;
    }
    String crm = Fingerprint.ofFields(SyncPlanner.owned(r, activityFields));
    return crm.equals(row.pendingHash())
        || (row.pendingHash() == null && crm.equals(row.syncedHash()));
  }

  /**
   * Whether a pulled Account changes nothing: linked, with no CRM change pending, and its
   * vault-owned fields as the sync last wrote them.
   */
  public boolean accountEcho(Map<String, Object> r) {
    String id = CrmRecords.id(r);
    AccountLink link =
        prefetchedIds.contains(id) ? linksByAccount.get(id) : state.linkByAccount(id).orElse(null);
    return link != null
        && link.pendingHash() == null
        && link.syncedHash() != null
        && Fingerprint.ofFields(SyncPlanner.owned(r, accountFields)).equals(link.syncedHash());
  }
}
