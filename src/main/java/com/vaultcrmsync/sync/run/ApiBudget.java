package com.vaultcrmsync.sync.run;

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

  ApiBudget(CrmGateway crm, SyncSettings settings) {
    this.crm = crm;
    this.settings = settings;
  }

  /** Thrown when the next calls would exceed the budget; nothing of them was sent. */
  static final class Exhausted extends RuntimeException {
    Exhausted(String message) {
      super(message);
    }
  }

  /**
   * Checks that {@code calls} more calls fit.
   *
   * @throws Exhausted when they do not
   */
  public void require(int calls, String what) {
    ApiUsage usage = crm.usage();
    if (settings.apiMaxCallsPerRun() > 0 && usage.calls() + calls > settings.apiMaxCallsPerRun()) {
      throw new Exhausted(
          "API budget: "
              + what
              + " needs "
              + calls
              + " more call(s); this run may make "
              + settings.apiMaxCallsPerRun()
              + " (sync.api.max-calls-per-run) and made "
              + usage.calls());
    }
    Integer remaining = usage.dailyRemaining();
    if (remaining != null && usage.dailyMax() != null) {
      double reserve = settings.apiReserveShare() * usage.dailyMax();
      if (remaining - calls < reserve) {
        throw new Exhausted(
            "API budget: "
                + what
                + " needs "
                + calls
                + " more call(s) but only "
                + remaining
                + " of the org's "
                + usage.dailyMax()
                + " daily calls remain and "
                + (long) Math.ceil(reserve)
                + " are kept in reserve (sync.api.reserve-share)");
      }
    }
  }

  /** Calls needed to write {@code records} records through sObject Collections. */
  public static int collectionCalls(int records) {
    return (records + 199) / 200;
  }
}
