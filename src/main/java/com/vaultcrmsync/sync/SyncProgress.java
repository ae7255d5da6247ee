package com.vaultcrmsync.sync;

/**
 * What a run reports while it works, for progress displays: the phase it is in and how far it got.
 * Called on the sync's own thread; implementations must be quick and must not throw.
 */
public interface SyncProgress {
  /** Reports nothing. */
  SyncProgress NONE = (phase, done, total) -> {};

  /**
   * @param phase what the run does now, e.g. {@code reading notes}
   * @param done items of this phase finished so far
   * @param total items of this phase, or -1 when unknown
   */
  void update(String phase, int done, int total);

  /** The run ended (whatever its outcome). */
  default void finished() {}
}
