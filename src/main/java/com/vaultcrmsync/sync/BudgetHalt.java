package com.vaultcrmsync.sync;

/**
 * The API budget would be exceeded by the next calls; none of them was sent and the next run
 * resumes.
 *
 * @param what the step that needed the calls
 * @param calls how many it needed
 * @param cap which allowance they exceed
 * @param used calls this run made ({@code PER_RUN}) or daily calls remaining ({@code DAILY})
 * @param allowed the per-run cap ({@code PER_RUN}) or the org's daily maximum ({@code DAILY})
 * @param reserve daily calls kept in reserve ({@code DAILY} only)
 */
public record BudgetHalt(String what, int calls, Cap cap, long used, long allowed, long reserve)
    implements Halt {
  /** The allowances a run stays within. */
  public enum Cap {
    PER_RUN,
    DAILY
  }

  @Override
  public String message() {
    String needs = "API budget: " + what + " needs " + calls + " more call(s)";
    return switch (cap) {
      case PER_RUN ->
          needs
              + "; this run may make "
              + allowed
              + " (sync.api.max-calls-per-run) and made "
              + used;
      case DAILY ->
          needs
              + " but only "
              + used
              + " of the org's "
              + allowed
              + " daily calls remain and "
              + reserve
              + " are kept in reserve (sync.api.reserve-share)";
    };
  }
}
