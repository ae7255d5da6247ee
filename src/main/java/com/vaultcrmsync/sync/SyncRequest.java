package com.vaultcrmsync.sync;

import java.util.Locale;

/**
 * One run: the whole vault, one account (by title, alias, vault path or Account id) or one note.
 *
 * @param mode what the run covers
 * @param key the account key or note path for {@code ACCOUNT} and {@code NOTE} runs, else null
 * @param dryRun plan and report only: write nothing to the CRM, the notes or the state
 * @param force go on although a safety rule (mass change, deletes) would halt the run
 */
public record SyncRequest(Mode mode, String key, boolean dryRun, boolean force) {

  /** What a run covers; the report's {@code run.mode}. */
  public enum Mode {
    FULL,
    ACCOUNT,
    NOTE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static SyncRequest full(boolean dryRun, boolean force) {
    return new SyncRequest(Mode.FULL, null, dryRun, force);
  }

  public static SyncRequest account(String key, boolean dryRun, boolean force) {
    return new SyncRequest(Mode.ACCOUNT, key, dryRun, force);
  }

  public static SyncRequest note(String path, boolean dryRun, boolean force) {
    return new SyncRequest(Mode.NOTE, path, dryRun, force);
  }
}
