package com.vaultcrmsync.sync.state;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code audit} table: one line per change the sync made, with the hashes around it. */
final class AuditLog {
  private final StateConnection db;

  AuditLog(StateConnection db) {
    this.db = db;
  }

  /** Appends one line to the audit log: what was changed, where, and the hashes around it. */
  public void audit(
      String runId, String target, String action, String location, String before, String after) {
    db.update(
        "INSERT INTO audit(at, run_id, target, action, location, before_hash, after_hash)"
            + " VALUES(?, ?, ?, ?, ?, ?, ?)",
        Timestamp.from(Instant.now()),
        runId,
        target,
        action,
        location,
        before,
        after);
  }

  /** The audit log, oldest first (for tests and tooling). */
  public List<Map<String, Object>> entries() {
    return db.many(
        "SELECT * FROM audit ORDER BY id",
        rs -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("at", rs.getTimestamp("at").toInstant());
          m.put("runId", rs.getString("run_id"));
          m.put("target", rs.getString("target"));
          m.put("action", rs.getString("action"));
          m.put("location", rs.getString("location"));
          m.put("before", rs.getString("before_hash"));
          m.put("after", rs.getString("after_hash"));
          return m;
        });
  }
}
