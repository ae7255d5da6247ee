package com.vaultcrmsync.sync;

import java.util.List;

/**
 * Halts a run before it writes anything when it would overwrite the fields of too many
 * already-linked accounts (creating records, as a first sync does, does not count) or delete too
 * much. {@code --force} lets it go on.
 */
final class SafetyCheck {
  private final SyncSettings settings;

  SafetyCheck(SyncSettings settings) {
    this.settings = settings;
  }

  /** Why the run must halt, or null when it may go on. */
  String violation(List<NotePlan> plans, int linkedBefore) {
    long updates =
        plans.stream()
            .filter(p -> p.linkedBefore && p.accountAction == NotePlan.AccountAction.UPDATE)
            .count();
    if (linkedBefore > 0
        && updates > settings.massChangeShare() * linkedBefore
        && updates > settings.massChangeMinAccounts()) {
      return "mass change: the run would overwrite fields of "
          + updates
          + " of "
          + linkedBefore
          + " linked accounts, more than "
          + Math.round(settings.massChangeShare() * 100)
          + "% (sync.safety.max-account-update-share); run again with --force if this is intended";
    }
    long deletes =
        settings.deleteInCrm()
            ? plans.stream()
                .flatMap(p -> p.removals.stream())
                .filter(a -> a.crmId() != null && !a.deletedInCrm())
                .count()
            : 0;
    deletes += plans.stream().mapToLong(p -> p.vaultRemovals.size()).sum();
    if (deletes > settings.maxDeletes()) {
      return "mass delete: the run would delete "
          + deletes
          + " CRM activities or note entries, more than "
          + settings.maxDeletes()
          + " (sync.safety.max-deletes); run again with --force if this is intended";
    }
    return null;
  }
}
