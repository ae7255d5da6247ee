package com.vaultcrmsync.sync.state;

import java.time.LocalDate;

/**
 * One activity the sync knows on both sides.
 *
 * @param key the vault key for vault-originated activities, {@code sf:<id>} for CRM-originated ones
 * @param origin which side owns it
 * @param crmId the 18-character record id, or null before the first successful write
 * @param accountId the Account it belongs to
 * @param notePath the note holding its entry
 * @param activityDate the activity's date (for {@code last_contact})
 * @param syncedHash fingerprint of the synced CRM fields when both sides last agreed
 * @param lineHash for CRM-originated entries: fingerprint of the entry line the sync wrote
 * @param pendingHash fingerprint of a CRM change seen and not applied (a conflict), else null
 * @param pendingLine the entry line that CRM change would write, else null
 * @param deletedInCrm true once the record was seen deleted in the CRM
 */
public record ActivityState(
    String key,
    Origin origin,
    String crmId,
    String accountId,
    String notePath,
    LocalDate activityDate,
    String syncedHash,
    String lineHash,
    String pendingHash,
    String pendingLine,
    boolean deletedInCrm) {

  /** Which side created, and therefore owns, an activity. */
  public enum Origin {
    VAULT,
    CRM
  }

  /**
   * A CRM-originated activity whose entry line the sync just wrote into {@code notePath}: the
   * line's fingerprint {@code lineHash} is both the synced and the line fingerprint.
   */
  public static ActivityState pulled(
      String crmId, String accountId, String notePath, LocalDate activityDate, String lineHash) {
    return new ActivityState(
        crmKey(crmId),
        Origin.CRM,
        crmId,
        accountId,
        notePath,
        activityDate,
        lineHash,
        lineHash,
        null,
        null,
        false);
  }

  /** This state with a CRM change seen and not applied (a conflict kept for a later run). */
  public ActivityState withPending(String hash) {
    return new ActivityState(
        key,
        origin,
        crmId,
        accountId,
        notePath,
        activityDate,
        syncedHash,
        lineHash,
        hash,
        pendingLine,
        deletedInCrm);
  }

  /** This state once the record was seen deleted in the CRM. */
  public ActivityState deleted() {
    return new ActivityState(
        key,
        origin,
        crmId,
        accountId,
        notePath,
        activityDate,
        syncedHash,
        lineHash,
        pendingHash,
        pendingLine,
        true);
  }

  /** This state with new synced and pending hashes, and no pending line. */
  public ActivityState withHashes(String synced, String pending) {
    return new ActivityState(
        key,
        origin,
        crmId,
        accountId,
        notePath,
        activityDate,
        synced,
        lineHash,
        pending,
        null,
        deletedInCrm);
  }

  /**
   * This state holding a CRM change that conflicts with the vault and was not applied: its
   * fingerprint and the entry line it would write, kept for review and a later run.
   */
  public ActivityState withConflict(String hash, String line) {
    return new ActivityState(
        key,
        origin,
        crmId,
        accountId,
        notePath,
        activityDate,
        syncedHash,
        lineHash,
        hash,
        line,
        false);
  }

  /**
   * This state once a conflict was settled for the vault: the CRM record's date and fingerprint are
   * taken as synced, beside the vault line's fingerprint, and nothing is pending.
   */
  public ActivityState settledForVault(LocalDate date, String synced, String line) {
    return new ActivityState(
        key, origin, crmId, accountId, notePath, date, synced, line, null, null, false);
  }

  public static String crmKey(String crmId) {
    return "sf:" + crmId;
  }
}
