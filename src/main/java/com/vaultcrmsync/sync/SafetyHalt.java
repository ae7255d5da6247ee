package com.vaultcrmsync.sync;

/**
 * A safety rule that stops a run before it writes anything ({@code --force} overrides it).
 *
 * @param rule the rule that tripped
 * @param count the account overwrites or the deletes the run would make
 * @param linkedBefore the accounts linked before the run (mass change only)
 * @param limit the configured share in percent (mass change) or number of deletes (mass delete)
 */
public record SafetyHalt(Rule rule, long count, int linkedBefore, long limit) implements Halt {
  /** The safety rules. */
  public enum Rule {
    MASS_CHANGE,
    MASS_DELETE
  }

  @Override
  public String message() {
    return switch (rule) {
      case MASS_CHANGE ->
          "mass change: the run would overwrite fields of "
              + count
              + " of "
              + linkedBefore
              + " linked accounts, more than "
              + limit
              + "% (sync.safety.max-account-update-share); run again with --force if this is"
              + " intended";
      case MASS_DELETE ->
          "mass delete: the run would delete "
              + count
              + " CRM activities or note entries, more than "
              + limit
              + " (sync.safety.max-deletes); run again with --force if this is intended";
    };
  }
}
