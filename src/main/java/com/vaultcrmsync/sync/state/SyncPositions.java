package com.vaultcrmsync.sync.state;

import java.time.Instant;
import java.util.Optional;

/**
 * The {@code sync_position} table: named positions of the change sources, each written only after
 * everything it covers was applied. {@code watermark} is the pull watermark; other names (a replay
 * id, a cursor) are the callers' own.
 */
final class SyncPositions {
  private static final String WATERMARK = "watermark";

  private final StateConnection db;

  SyncPositions(StateConnection db) {
    this.db = db;
  }

  /** The value stored under {@code name}, if any. */
  public Optional<String> position(String name) {
    return db.one("SELECT val FROM sync_position WHERE name = ?", rs -> rs.getString("val"), name);
  }

  /** Stores {@code value} under {@code name}, replacing what was there. */
  public void putPosition(String name, String value) {
    db.update("MERGE INTO sync_position KEY(name) VALUES(?, ?)", name, value);
  }

  /** The pull watermark: every CRM change stamped before it has been applied. */
  public Optional<Instant> watermark() {
    return position(WATERMARK).map(Instant::parse);
  }

  public void putWatermark(Instant watermark) {
    putPosition(WATERMARK, watermark.toString());
  }
}
