package com.vaultcrmsync.sync.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sync state: an embedded H2 database ({@code <state folder>/state.mv.db}) holding note file
 * fingerprints, note/Account links, per-activity hashes of the last synced version, the pull
 * watermark and an audit log. Every mutation commits at once ({@code WRITE_DELAY=0}), so the state
 * survives {@code kill -9}; callers change it only after the write it describes succeeded. It never
 * holds a secret.
 *
 * <p>This class opens, batches, commits and closes; each table has its own part on the one shared
 * connection ({@link NoteIndex}, {@link AccountLinks}, {@link ActivityLedger}, {@link
 * SyncPositions}, {@link AuditLog}), which the methods below delegate to, and {@link ReviewQueue},
 * reached through {@link #reviewQueue()}.
 *
 * <p>{@link #readOnly(Path)} opens it for a dry run: an existing database read-only, a missing one
 * in memory, so that a dry run creates and changes nothing on disk.
 */
public final class StateStore implements AutoCloseable {
  // Tables are only ever added (IF NOT EXISTS), never renamed: an older state file opens and
  // upgrades in place.
  private static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS note_file(path VARCHAR PRIMARY KEY, size BIGINT NOT NULL,
        mtime BIGINT NOT NULL, content_hash VARCHAR NOT NULL, selected BOOLEAN NOT NULL,
        title VARCHAR, aliases VARCHAR);
      CREATE TABLE IF NOT EXISTS account_link(account_id VARCHAR PRIMARY KEY,
        note_path VARCHAR NOT NULL UNIQUE, synced_hash VARCHAR, pending_hash VARCHAR);
      CREATE TABLE IF NOT EXISTS activity(record_key VARCHAR PRIMARY KEY, origin VARCHAR NOT NULL,
        crm_id VARCHAR, account_id VARCHAR NOT NULL, note_path VARCHAR NOT NULL, activity_date DATE,
        synced_hash VARCHAR, line_hash VARCHAR, pending_hash VARCHAR, pending_line VARCHAR,
        deleted_in_crm BOOLEAN NOT NULL);
      CREATE INDEX IF NOT EXISTS activity_crm_id ON activity(crm_id);
      CREATE INDEX IF NOT EXISTS activity_note ON activity(note_path);
      CREATE INDEX IF NOT EXISTS activity_account ON activity(account_id);
      CREATE TABLE IF NOT EXISTS sync_position(name VARCHAR PRIMARY KEY, val VARCHAR NOT NULL);
      CREATE TABLE IF NOT EXISTS audit(id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP NOT NULL,
        run_id VARCHAR NOT NULL, target VARCHAR NOT NULL, action VARCHAR NOT NULL,
        location VARCHAR NOT NULL, before_hash VARCHAR, after_hash VARCHAR);
      CREATE TABLE IF NOT EXISTS review_item(id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL,
        note_path VARCHAR, record_key VARCHAR, line INT, summary VARCHAR NOT NULL, detail CLOB,
        status VARCHAR NOT NULL, first_seen TIMESTAMP NOT NULL, last_seen TIMESTAMP NOT NULL,
        resolution VARCHAR);
      CREATE INDEX IF NOT EXISTS review_item_note ON review_item(note_path);
      """;

  private final StateConnection db;
  private final NoteIndex notes;
  private final AccountLinks links;
  private final ActivityLedger activities;
  private final SyncPositions positions;
  private final AuditLog audit;
  private final ReviewQueue reviews;

  /** Bytes of state file above which a mostly dead file is compacted on close. */
  private long compactAbove = 32L << 20;

  private StateStore(Connection connection, boolean readOnly) {
    this.db = new StateConnection(connection, readOnly);
    this.notes = new NoteIndex(db);
    this.links = new AccountLinks(db);
    this.activities = new ActivityLedger(db);
    this.positions = new SyncPositions(db);
    this.audit = new AuditLog(db);
    this.reviews = new ReviewQueue(db, Clock.systemUTC());
  }

  /** Opens (creating when missing) the state database in {@code stateDir}. */
  public static StateStore open(Path stateDir) {
    try {
      StateFolder.create(stateDir);
      Connection c =
          DriverManager.getConnection(
              "jdbc:h2:file:" + stateDir.toAbsolutePath().resolve("state") + ";WRITE_DELAY=0");
      try (var s = c.createStatement()) {
        s.execute(SCHEMA);
      }
      StateFolder.restrictFiles(stateDir, "state.");
      return new StateStore(c, false);
    } catch (IOException | SQLException e) {
      throw new StateException("cannot open the state in " + stateDir, e);
    }
  }

  /** Opens the state for a dry run: nothing is created or changed on disk. */
  public static StateStore readOnly(Path stateDir) {
    try {
      Path file = stateDir.toAbsolutePath().resolve("state.mv.db");
      Connection c;
      if (Files.exists(file)) {
        c =
            DriverManager.getConnection(
                "jdbc:h2:file:"
                    + stateDir.toAbsolutePath().resolve("state")
                    + ";ACCESS_MODE_DATA=r");
      } else {
        c = DriverManager.getConnection("jdbc:h2:mem:");
        try (var s = c.createStatement()) {
          s.execute(SCHEMA);
        }
      }
      return new StateStore(c, true);
    } catch (SQLException e) {
      throw new StateException("cannot open the state in " + stateDir, e);
    }
  }

  /** Lowers the size above which a mostly dead file is compacted on close (tests). */
  StateStore compactAbove(long bytes) {
    compactAbove = bytes;
    return this;
  }

  public boolean isReadOnly() {
    return db.readOnly();
  }

  /** The review queue: what runs could not decide, until a person does. */
  public ReviewQueue reviewQueue() {
    return reviews;
  }

  /** Runs several mutations as one transaction: all of them are kept, or none. */
  public void inTransaction(Runnable work) {
    db.inTransaction(work);
  }

  /**
   * Runs many mutations committing every {@code every} of them instead of one by one (a commit per
   * row is what made a large first sync slow). Each mutation still describes a write that already
   * succeeded, so a crash loses at most the last {@code every} state rows, which the next run
   * recomputes (activity upserts are keyed, notes are re-read by hash); when {@code work} fails,
   * what it did before is committed, as the row-by-row commits would have.
   */
  public void batched(int every, Runnable work) {
    db.batched(every, work);
  }

  /**
   * Closes the state; after a run that rewrote much of it, compacts the file first. H2's store is
   * append-only and reuses little of the space its batched commits leave behind (a 10,000-note
   * first load left a 1 GB file around 20 MB of live data); {@code SHUTDOWN COMPACT} rewrites only
   * the live pages, about a second per 15 MB, so it runs only when the file is large and its chunks
   * are mostly dead.
   */
  @Override
  public void close() {
    try {
      db.closeStatements();
      if (!db.readOnly() && mostlyDead()) {
        try (var s = db.jdbc().createStatement()) {
          s.execute("SHUTDOWN COMPACT");
        }
      }
      db.jdbc().close();
    } catch (SQLException e) {
      throw new StateException("cannot close the state", e);
    }
  }

  /** True when the file exceeds {@link #compactAbove} bytes and less than half of it is live. */
  private boolean mostlyDead() throws SQLException {
    long fileSize = 0;
    int fillRate = 100;
    try (var s = db.jdbc().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')")) {
      while (rs.next()) {
        if (rs.getString(1).equals("info.FILE_SIZE")) {
          fileSize = Long.parseLong(rs.getString(2));
        } else {
          fillRate = Integer.parseInt(rs.getString(2));
        }
      }
    }
    return fileSize > compactAbove && fillRate < 50;
  }

  // ---- notes: see NoteIndex

  public Optional<NoteState> note(String path) {
    return notes.note(path);
  }

  /** Every remembered note, for finding a note by title or alias. */
  public List<NoteState> notes() {
    return notes.notes();
  }

  public void putNote(NoteState n) {
    notes.putNote(n);
  }

  public void removeNote(String path) {
    notes.removeNote(path);
  }

  // ---- links: see AccountLinks

  public Optional<AccountLink> linkByNote(String notePath) {
    return links.linkByNote(notePath);
  }

  public Optional<AccountLink> linkByAccount(String accountId) {
    return links.linkByAccount(accountId);
  }

  public Map<String, AccountLink> linksByAccounts(Collection<String> accountIds) {
    return links.linksByAccounts(accountIds);
  }

  public Map<String, String> links() {
    return links.links();
  }

  public void putLink(AccountLink l) {
    links.putLink(l);
  }

  // ---- activities: see ActivityLedger

  public Optional<ActivityState> activity(String key) {
    return activities.activity(key);
  }

  public Optional<ActivityState> activityByCrmId(String crmId) {
    return activities.activityByCrmId(crmId);
  }

  public Map<String, ActivityState> activitiesByCrmIds(Collection<String> crmIds) {
    return activities.activitiesByCrmIds(crmIds);
  }

  public Map<String, ActivityState> activitiesByKeys(Collection<String> keys) {
    return activities.activitiesByKeys(keys);
  }

  public List<ActivityState> activitiesOfNote(String notePath) {
    return activities.activitiesOfNote(notePath);
  }

  public void putActivity(ActivityState a) {
    activities.putActivity(a);
  }

  public void removeActivity(String key) {
    activities.removeActivity(key);
  }

  public Optional<LocalDate> newestActivityDate(String accountId, LocalDate notAfter) {
    return activities.newestActivityDate(accountId, notAfter);
  }

  // ---- positions and audit: see SyncPositions, AuditLog

  public Optional<Instant> watermark() {
    return positions.watermark();
  }

  public void putWatermark(Instant watermark) {
    positions.putWatermark(watermark);
  }

  public Optional<String> position(String name) {
    return positions.position(name);
  }

  public void putPosition(String name, String value) {
    positions.putPosition(name, value);
  }

  public void audit(
      String runId, String target, String action, String location, String before, String after) {
    audit.audit(runId, target, action, location, before, after);
  }

  public List<Map<String, Object>> auditLog() {
    return audit.entries();
  }
}
