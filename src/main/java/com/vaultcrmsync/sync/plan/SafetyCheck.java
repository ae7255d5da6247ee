package com.vaultcrmsync.sync.plan;

import com.vaultcrmsync.sync.SafetyHalt;
import com.vaultcrmsync.sync.SyncSettings;
import java.util.Collection;
import java.util.Optional;

/**
 * Halts a run before it writes anything when it would overwrite the fields of too many
 * already-linked accounts (creating records, as a first sync does, does not count) or delete too
 * much. {@code --force} lets it go on. A run planned in batches adds up its {@link Totals} over all
 * of them first.
 */
public final class SafetyCheck {
  private final SyncSettings settings;

  public SafetyCheck(SyncSettings settings) {
    this.settings = settings;
  }

  /**
   * What the safety rules count in a run's plans.
   *
   * @param updates overwrites of the fields of accounts linked before the run
   * @param deletes CRM activities or note entries the run would delete
   */
  public record Totals(long updates, long deletes) {
    public static final Totals NONE = new Totals(0, 0);

    public Totals plus(Totals other) {
      return new Totals(updates + other.updates, deletes + other.deletes);
    }
  }

  /** What {@code plans} would do that the safety rules count. */
  public Totals count(Collection<NotePlan> plans) {
    long updates =
        plans.stream()
            .filter(p -> p.linkedBefore && p.accountAction == NotePlan.AccountAction.UPDATE)
            .count();
    long deletes =
        settings.deleteInCrm()
            ? plans.stream()
                .flatMap(p -> p.removals.stream())
                .filter(a -> a.crmId() != null && !a.deletedInCrm())
                .count()
            : 0;
    deletes += plans.stream().mapToLong(p -> p.vaultRemovals.size()).sum();
    return new Totals(updates, deletes);
  }

  /** Why the run must halt, if it must. */
  public Optional<SafetyHalt> violation(Collection<NotePlan> plans, int linkedBefore) {
    return violation(count(plans), linkedBefore);
  }

  /** Why a run with these totals must halt, if it must. */
  public Optional<SafetyHalt> violation(Totals totals, int linkedBefore) {
    long updates = totals.updates();
    if (linkedBefore > 0
        && updates > settings.massChangeShare() * linkedBefore
        && updates > settings.massChangeMinAccounts()) {
      return Optional.of(
          new SafetyHalt(
              SafetyHalt.Rule.MASS_CHANGE,
              updates,
              linkedBefore,
              Math.round(settings.massChangeShare() * 100)));
    }
    if (totals.deletes() > settings.maxDeletes()) {
      return Optional.of(
          new SafetyHalt(SafetyHalt.Rule.MASS_DELETE, totals.deletes(), 0, settings.maxDeletes()));
    }
    return Optional.empty();
  }
}
