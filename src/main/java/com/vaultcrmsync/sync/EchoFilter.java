package com.vaultcrmsync.sync;

import com.vaultcrmsync.mapping.FieldRule;
import com.vaultcrmsync.mapping.Mappings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, as each pulled record arrives, whether it can change anything this run: the sync's own
 * writes seen again (their hashes equal those stored when it wrote them), changes already
 * remembered, and activities of Accounts linked to no note are dropped at once, so that a pull
 * after a large push holds none of its echoes. The rules are the planner's ({@link
 * SyncPlanner#planPulled}, {@link SyncPlanner#planNote}): a record is dropped only when planning
 * with it and without it comes to the same.
 */
final class EchoFilter {
  /** Builds a filter over a map of links, which it reads as they change. */
  interface Factory {
    EchoFilter over(Map<String, String> links);
  }

  private final StateStore state;
  private final SyncSettings settings;
  private final Mappings mappings;
  private final Map<String, String> links;
  private final List<String> activityFields;
  private final List<String> accountFields;

  /**
   * @param links account id to note path of the links the run plans with
   */
  EchoFilter(
      StateStore state, SyncSettings settings, Mappings mappings, Map<String, String> links) {
    this.state = state;
    this.settings = settings;
    this.mappings = mappings;
    this.links = links;
    this.activityFields = mappings.activity().fields().stream().map(FieldRule::field).toList();
    this.accountFields = mappings.account().fields().stream().map(FieldRule::field).toList();
  }

  /**
   * A pulled activity that can change something.
   *
   * @param notePath the note it is planned with
   * @param vaultOwned whether the vault owns it (a change to it may meet an edit of its entry)
   */
  record Kept(String notePath, boolean vaultOwned) {}

  /**
   * Where a pulled activity must be planned, or null when it changes nothing (an echo, a change
   * already remembered, an activity of an Account linked to no note).
   */
  Kept keep(String sObject, Map<String, Object> r) {
    String id = CrmRecords.id(r);
    String extKey =
        sObject.equals(mappings.activity().sObject())
            ? CrmRecords.text(r, mappings.activity().externalIdField())
            : null;
    ActivityState row =
        state
            .activityByCrmId(id)
            .or(() -> extKey == null ? Optional.empty() : state.activity(extKey))
            .orElse(null);
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
  boolean accountEcho(Map<String, Object> r) {
    AccountLink link = state.linkByAccount(CrmRecords.id(r)).orElse(null);
    return link != null
        && link.pendingHash() == null
        && link.syncedHash() != null
        && Fingerprint.ofFields(SyncPlanner.owned(r, accountFields)).equals(link.syncedHash());
  }
}
