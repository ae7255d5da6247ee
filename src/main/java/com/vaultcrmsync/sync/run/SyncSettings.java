package com.vaultcrmsync.sync.run;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code sync.*} configuration keys (documented with their defaults in {@code
 * config/application.properties}).
 *
 * @param conflictPolicy what wins when a record changed on both sides since the last sync
 * @param lookback how far before the watermark the pull reads again (late commits)
 * @param deleteInCrm propagate an entry removed from a note by deleting its CRM activity
 * @param deleteInVault propagate an activity deleted in the CRM by removing its entry line
 * @param massChangeShare halt when updates would overwrite more than this share of linked accounts
 * @param massChangeMinAccounts ...and more than this many accounts (small vaults are not halted)
 * @param maxDeletes halt when a run would delete more than this many records or entries
 * @param apiReserveShare stop before the org's remaining daily API calls fall below this share
 * @param apiMaxCallsPerRun stop before this run makes more API calls than this (0: no cap)
 * @param lockWait how long a run waits for another sync on the same state folder to finish
 * @param batchNotes changed notes planned and written at once (a larger run counts first)
 * @param maxPulledChanges CRM-owned activity changes since the watermark applied in one run (0: no
 *     bound); the next run resumes at the first one left
 */
public record SyncSettings(
    ConflictPolicy conflictPolicy,
    Duration lookback,
    boolean deleteInCrm,
    boolean deleteInVault,
    double massChangeShare,
    int massChangeMinAccounts,
    int maxDeletes,
    double apiReserveShare,
    int apiMaxCallsPerRun,
    Duration lockWait,
    int batchNotes,
    int maxPulledChanges) {

  /** The defaults, as documented in the properties file. */
  public static SyncSettings defaults() {
    return from(key -> null);
  }

  /**
   * Reads the settings from a property lookup (null when a key is not set).
   *
   * @throws IllegalArgumentException naming the key when a value is invalid
   */
  public static SyncSettings from(Function<String, String> property) {
    return new SyncSettings(
        ConflictPolicy.parse(value(property, "sync.conflict-policy", "report")),
        Duration.ofSeconds(number(property, "sync.pull.lookback-seconds", 600, 0, 86400)),
        bool(property, "sync.deletes.vault-to-crm", false),
        bool(property, "sync.deletes.crm-to-vault", false),
        share(property, "sync.safety.max-account-update-share", 0.5),
        (int) number(property, "sync.safety.min-accounts-for-share", 3, 0, Integer.MAX_VALUE),
        (int) number(property, "sync.safety.max-deletes", 10, 0, Integer.MAX_VALUE),
        share(property, "sync.api.reserve-share", 0.1),
        (int) number(property, "sync.api.max-calls-per-run", 0, 0, Integer.MAX_VALUE),
        Duration.ofSeconds(number(property, "sync.lock-wait-seconds", 30, 0, 86400)),
        (int) number(property, "sync.first-load.batch-notes", 1000, 1, 100000),
        (int) number(property, "sync.pull.max-changes", 20000, 0, Integer.MAX_VALUE));
  }

  /** What wins when the same record changed on both sides. */
  public enum ConflictPolicy {
    REPORT,
    VAULT_WINS,
    CRM_WINS;

    static ConflictPolicy parse(String text) {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "report" -> REPORT;
        case "vault-wins" -> VAULT_WINS;
        case "crm-wins" -> CRM_WINS;
        default ->
            throw new IllegalArgumentException(
                "sync.conflict-policy: expected report, vault-wins or crm-wins, got '"
                    + text
                    + "'");
      };
    }

    /** The name used in configuration and reports. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private static String value(Function<String, String> property, String key, String fallback) {
    String v = property.apply(key);
    return v == null || v.isBlank() ? fallback : v.strip();
  }

  private static boolean bool(Function<String, String> property, String key, boolean fallback) {
    String v = value(property, key, Boolean.toString(fallback));
    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException(key + ": expected true or false, got '" + v + "'");
    }
    return Boolean.parseBoolean(v);
  }

  private static long number(
      Function<String, String> property, String key, long fallback, long min, long max) {
    String v = value(property, key, Long.toString(fallback));
    try {
      long n = Long.parseLong(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + ": expected a whole number from " + min + " to " + max + ", got '" + v + "'");
    }
  }

  private static double share(Function<String, String> property, String key, double fallback) {
    String v = value(property, key, Double.toString(fallback));
    try {
      double d = Double.parseDouble(v);
      if (d < 0 || d > 1) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": expected a share from 0 to 1, got '" + v + "'");
    }
  }
}
