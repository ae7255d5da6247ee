package com.vaultcrmsync.sync;

import com.vaultcrmsync.config.PackagedDefaults;
import com.vaultcrmsync.config.SettingKeys;
import com.vaultcrmsync.config.SettingsSource;
import java.time.Duration;
import java.util.Locale;

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

  /** The defaults, as documented in the packaged {@code config/application.properties}. */
  public static SyncSettings defaults() {
    return from(PackagedDefaults.load());
  }

  /**
   * Reads the settings; every key must be set (the packaged properties define them all).
   *
   * @throws RuntimeException naming the key when it is missing or its value is invalid
   */
  public static SyncSettings from(SettingsSource settings) {
    return new SyncSettings(
        ConflictPolicy.parse(settings.get(SettingKeys.CONFLICT_POLICY)),
        settings.get(SettingKeys.PULL_LOOKBACK),
        settings.get(SettingKeys.DELETES_VAULT_TO_CRM),
        settings.get(SettingKeys.DELETES_CRM_TO_VAULT),
        settings.get(SettingKeys.SAFETY_MAX_ACCOUNT_UPDATE_SHARE),
        settings.get(SettingKeys.SAFETY_MIN_ACCOUNTS_FOR_SHARE),
        settings.get(SettingKeys.SAFETY_MAX_DELETES),
        settings.get(SettingKeys.API_RESERVE_SHARE),
        settings.get(SettingKeys.API_MAX_CALLS_PER_RUN),
        settings.get(SettingKeys.LOCK_WAIT),
        settings.get(SettingKeys.FIRST_LOAD_BATCH_NOTES),
        settings.get(SettingKeys.PULL_MAX_CHANGES));
  }

  /** These settings with another conflict policy. */
  public SyncSettings withConflictPolicy(ConflictPolicy policy) {
    return new SyncSettings(
        policy,
        lookback,
        deleteInCrm,
        deleteInVault,
        massChangeShare,
        massChangeMinAccounts,
        maxDeletes,
        apiReserveShare,
        apiMaxCallsPerRun,
        lockWait,
        batchNotes,
        maxPulledChanges);
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
}
