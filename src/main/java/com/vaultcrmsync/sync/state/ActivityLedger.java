package com.vaultcrmsync.sync.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code activity} table: per activity (Task/Event) its key, origin, CRM id, note and the
 * hashes of the version last synced, for echo suppression and conflict detection.
 */
final class ActivityLedger {
  private final StateConnection db;

  ActivityLedger(StateConnection db) {
    this.db = db;
  }

  public Optional<ActivityState> activity(String key) {
    return db.one("SELECT * FROM activity WHERE record_key = ?", ActivityLedger::row, key);
  }

  public Optional<ActivityState> activityByCrmId(String crmId) {
    return db.one("SELECT * FROM activity WHERE crm_id = ?", ActivityLedger::row, crmId);
  }

  /** The activities whose CRM id is one of {@code crmIds}, by CRM id: one query. */
  public Map<String, ActivityState> activitiesByCrmIds(Collection<String> crmIds) {
    return db.byAny("activity", "crm_id", ActivityLedger::row, ActivityState::crmId, crmIds);
  }

  /** The activities whose key is one of {@code keys}, by key: one query. */
  public Map<String, ActivityState> activitiesByKeys(Collection<String> keys) {
    return db.byAny("activity", "record_key", ActivityLedger::row, ActivityState::key, keys);
  }

  public List<ActivityState> activitiesOfNote(String notePath) {
    return db.many(
        "SELECT * FROM activity WHERE note_path = ? ORDER BY record_key",
        ActivityLedger::row,
        notePath);
  }

  public void putActivity(ActivityState a) {
    db.update(
        "MERGE INTO activity KEY(record_key) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        a.key(),
        a.origin().name(),
        a.crmId(),
        a.accountId(),
        a.notePath(),
        a.activityDate(),
        a.syncedHash(),
        a.lineHash(),
        a.pendingHash(),
        a.pendingLine(),
        a.deletedInCrm());
  }

  public void removeActivity(String key) {
    db.update("DELETE FROM activity WHERE record_key = ?", key);
  }

  /** The newest activity date of an account on or before {@code notAfter}, if any. */
  public Optional<LocalDate> newestActivityDate(String accountId, LocalDate notAfter) {
    return db.one(
            "SELECT MAX(activity_date) d FROM activity WHERE account_id = ? AND activity_date <= ?"
                + " AND NOT deleted_in_crm",
            rs -> rs.getObject("d", LocalDate.class),
            accountId,
            notAfter)
        .filter(d -> d != null);
  }

  private static ActivityState row(ResultSet rs) throws SQLException {
    return new ActivityState(
        rs.getString("record_key"),
        ActivityState.Origin.valueOf(rs.getString("origin")),
        rs.getString("crm_id"),
        rs.getString("account_id"),
        rs.getString("note_path"),
        rs.getObject("activity_date", LocalDate.class),
        rs.getString("synced_hash"),
        rs.getString("line_hash"),
        rs.getString("pending_hash"),
        rs.getString("pending_line"),
        rs.getBoolean("deleted_in_crm"));
  }
}
