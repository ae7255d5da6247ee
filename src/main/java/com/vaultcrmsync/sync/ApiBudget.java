package com.vaultcrmsync.sync;

import com.vaultcrmsync.crm.ApiUsage;
import com.vaultcrmsync.crm.CrmGateway;

/**
 * Stops a run before it would use API calls the org cannot spare: before each CRM call the planned
 * number of calls is checked against the per-run cap and against the daily allowance read from
 * {@code Sforce-Limit-Info}, keeping a reserve.
 */
public final class ApiBudget {
  private final CrmGateway crm;
  private final SyncSettings settings;

  public ApiBudget(CrmGateway crm, SyncSettings settings) {
    this.crm = crm;
    this.settings = settings;
  }

  /** Thrown when the next calls would exceed the budget; nothing of them was sent. */
  public static final class Exhausted extends RuntimeException {
    private final BudgetHalt halt;

    Exhausted(BudgetHalt halt) {
      super(halt.message());
      this.halt = halt;
    }

    public BudgetHalt halt() {
      return halt;
    }
  }

  /**
   * Checks that {@code calls} more calls fit.
   *
   * @throws Exhausted when they do not
   */
  public void require(int calls, String what) {
    ApiUsage usage = crm.usage();
    int cap = settings.apiMaxCallsPerRun();
    if (cap > 0 && usage.calls() + calls > cap) {
      throw new Exhausted(
          new BudgetHalt(what, calls, BudgetHalt.Cap.PER_RUN, usage.calls(), cap, 0));
    }
    Integer remaining = usage.dailyRemaining();
    if (remaining != null && usage.dailyMax() != null) {
      double reserve = settings.apiReserveShare() * usage.dailyMax();
      if (remaining - calls < reserve) {
        throw new Exhausted(
            new BudgetHalt(
                what,
                calls,
                BudgetHalt.Cap.DAILY,
                remaining,
                usage.dailyMax(),
                (long) Math.ceil(reserve)));
      }
    }
  }

  /** Calls needed to write {@code records} records through sObject Collections. */
  public static int collectionCalls(int records) {
    return (records + 199) / 200;
  }
}
