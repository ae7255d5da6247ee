package com.vaultcrmsync.emulator.http;

import com.vaultcrmsync.emulator.org.SalesforceId;
import com.vaultcrmsync.emulator.soql.SoqlPages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open query cursors behind {@code nextRecordsUrl}: the result of a query (its matched records in
 * result order; rows are built per page, see {@link SoqlPages}) kept until it is read to the end or
 * left unread for 15 minutes (Salesforce's inactivity timeout). At most 1,000 are kept; the least
 * recently used goes first.
 */
public final class QueryCursors {

  static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);
  private static final int MAX_OPEN = 1000;

  /** An open result: its pages, the batch size and when it was last read. */
  static final class Cursor {
    final SoqlPages pages;
    final int batchSize;
    volatile Instant lastUsed;

    Cursor(SoqlPages pages, int batchSize, Instant now) {
      this.pages = pages;
      this.batchSize = batchSize;
      this.lastUsed = now;
    }
  }

  private final Clock clock;
  private final Map<String, Cursor> open = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong(1);

  public QueryCursors(Clock clock) {
    this.clock = clock;
  }

  /** Opens a cursor and returns its locator id ({@code 01g…}). */
  String open(SoqlPages pages, int batchSize) {
    evict();
    String id = SalesforceId.generate("01g", sequence.getAndIncrement());
    open.put(id, new Cursor(pages, batchSize, clock.instant()));
    return id;
  }

  /** The live cursor with this locator id, or null when unknown or expired. */
  Cursor get(String locator) {
    Cursor c = open.get(locator);
    if (c == null) {
      return null;
    }
    Instant now = clock.instant();
    if (c.lastUsed.plus(IDLE_TIMEOUT).isBefore(now)) {
      open.remove(locator);
      return null;
    }
    c.lastUsed = now;
    return c;
  }

  void close(String locator) {
    open.remove(locator);
  }

  public void clear() {
    open.clear();
  }

  private void evict() {
    Instant now = clock.instant();
    open.values().removeIf(c -> c.lastUsed.plus(IDLE_TIMEOUT).isBefore(now));
    while (open.size() >= MAX_OPEN) {
      Iterator<Map.Entry<String, Cursor>> it = open.entrySet().iterator();
      Map.Entry<String, Cursor> oldest = null;
      while (it.hasNext()) {
        Map.Entry<String, Cursor> e = it.next();
        if (oldest == null || e.getValue().lastUsed.isBefore(oldest.getValue().lastUsed)) {
          oldest = e;
        }
      }
      open.remove(oldest.getKey());
    }
  }
}
