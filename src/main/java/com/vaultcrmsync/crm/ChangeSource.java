package com.vaultcrmsync.crm;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM changes since a position: every Account and activity record changed at or after it,
 * deleted ones included, handed to a {@link Listener} as they arrive so that nobody holds them all.
 * Today's source is {@link QueryAllPolling} ({@code queryAll} by {@code SystemModstamp}, the
 * scheduled safety net).
 *
 * <p>Change Data Capture plugs in here next: a source fed by {@code salesforce:subscribe} events,
 * its position a replay id per channel (persisted after the note is written) instead of a
 * watermark, re-reading the changed records by id (events carry only changed fields) and filling
 * gaps with an incremental poll. The sync's own writes would then be excluded by the event's commit
 * user and transaction as early as here.
 */
public interface ChangeSource {

  /**
   * Hands over every Account, then every activity (per activity object), changed at or after {@link
   * ChangePosition#since()}, each object's records in change order.
   */
  void changesSince(ChangePosition position, Listener listener);

  /**
   * Hands over every activity of the given Accounts, whatever its stamp, and first the Accounts
   * themselves when {@code withAccounts}: the targeted pull of a note or account run, and of
   * Accounts newly linked to notes.
   */
  void ofAccounts(Collection<String> accountIds, boolean withAccounts, Listener listener);

  /** The stamp of the newest Account change, where a first load starts; empty in an empty org. */
  Optional<Instant> newestAccountChange();

  /**
   * Receives the records a source reads, one page at a time in the source's order, so that the sync
   * can read what it needs to decide a page's records in one go and drop at once what changes
   * nothing (the echoes of its own writes) instead of holding it. A page is never empty; it is the
   * listener's only during the call.
   */
  interface Listener {
    /** A page of Account records. */
    void accounts(List<Map<String, Object>> page);

    /** A page of records of the activity object {@code sObject} (a Task or an Event object). */
    void activities(String sObject, List<Map<String, Object>> page);
  }
}
