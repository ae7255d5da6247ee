package com.vaultcrmsync.sync.plan;

import java.util.Locale;

/**
 * How a note found its Account.
 *
 * @param kind how it matched
 * @param accountId the Account id, or null when none (yet)
 * @param reason why, for the report (candidates of an ambiguous match, …)
 */
public record AccountMatch(Kind kind, String accountId, String reason) {

  /** The report's {@code match} values. */
  public enum Kind {
    ID,
    NAME,
    ALIAS,
    CREATED,
    AMBIGUOUS,
    UNMATCHED,
    SKIPPED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public boolean linked() {
    return accountId != null;
  }
}
