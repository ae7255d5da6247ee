package com.vaultcrmsync.sync.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sync state: an embedded H2 database ({@code <state folder>/state.mv.db}) holding note file
 * fingerprints, note/Account links, per-activity hashes of the last synced version, the pull
 * watermark and an audit log. Every mutation commits at once ({@code WRITE_DELAY=0}), so the state
 * survives {@code kill -9}; callers change it only after the write it describes succeeded. It never
 * holds a secret.
 *
 * <p>{@link #readOnly(Path)} opens it for a dry run: an existing database read-only, a missing one
 * in memory, so that a dry run creates and changes nothing on disk.
 */
public final class StateStore implements AutoCloseable {
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
      """;

  private final Connection db;
  private final boolean readOnly;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();
  private int commitEvery;
  private int uncommitted;

  /** Bytes of state file above which a mostly dead file is compacted on close. */
  private long compactAbove = 32L << 20;

  private StateStore(Connection db, boolean readOnly) {
    this.db = db;
    this.readOnly = readOnly;
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
    return readOnly;
  }

  // ---- notes

  public Optional<NoteState> note(String path) {
    return one(
        "SELECT * FROM note_file WHERE path = ?",
        rs ->
            new NoteState(
                rs.getString("path"),
                rs.getLong("size"),
                rs.getLong("mtime"),
                rs.getString("content_hash"),
                rs.getBoolean("selected"),
                rs.getString("title"),
                splitLines(rs.getString("aliases"))),
        path);
  }

  /** Every remembered note, for finding a note by title or alias. */
  public List<NoteState> notes() {
    return many(
        "SELECT * FROM note_file ORDER BY path",
        rs ->
            new NoteState(
                rs.getString("path"),
                rs.getLong("size"),
                rs.getLong("mtime"),
                rs.getString("content_hash"),
                rs.getBoolean("selected"),
                rs.getString("title"),
                splitLines(rs.getString("aliases"))));
  }

  public void putNote(NoteState n) {
    update(
        "MERGE INTO note_file KEY(path) VALUES(?, ?, ?, ?, ?, ?, ?)",
        n.path(),
        n.size(),
        n.mtime(),
        n.contentHash(),
        n.selected(),
        n.title(),
        String.join("\n", n.aliases()));
  }

  public void removeNote(String path) {
    update("DELETE FROM note_file WHERE path = ?", path);
  }

  // ---- links

  public Optional<AccountLink> linkByNote(String notePath) {
    return one("SELECT * FROM account_link WHERE note_path = ?", StateStore::link, notePath);
  }

  public Optional<AccountLink> linkByAccount(String accountId) {
    return one("SELECT * FROM account_link WHERE account_id = ?", StateStore::link, accountId);
  }

  /** The links of the Accounts among {@code accountIds}, by account id: one query. */
  public Map<String, AccountLink> linksByAccounts(Collection<String> accountIds) {
    return byAny(
        "account_link", "account_id", StateStore::link, AccountLink::accountId, accountIds);
  }

  /** Account id to note path for every link: the index the pull needs. */
  public Map<String, String> links() {
    Map<String, String> out = new LinkedHashMap<>();
    for (AccountLink l : many("SELECT * FROM account_link ORDER BY note_path", StateStore::link)) {
      out.put(l.accountId(), l.notePath());
    }
    return out;
  }

  /** Stores a link, replacing any other link of the same note or the same account. */
  public void putLink(AccountLink l) {
    update(
        "DELETE FROM account_link WHERE note_path = ? AND account_id <> ?",
        l.notePath(),
        l.accountId());
    update(
        "MERGE INTO account_link KEY(account_id) VALUES(?, ?, ?, ?)",
        l.accountId(),
        l.notePath(),
        l.syncedHash(),
        l.pendingHash());
  }

  private static AccountLink link(ResultSet rs) throws SQLException {
    return new AccountLink(
        rs.getString("account_id"),
        rs.getString("note_path"),
        rs.getString("synced_hash"),
        rs.getString("pending_hash"));
  }

  // ---- activities

  public Optional<ActivityState> activity(String key) {
    return one("SELECT * FROM activity WHERE record_key = ?", StateStore::activity, key);
  }

  public Optional<ActivityState> activityByCrmId(String crmId) {
    return one("SELECT * FROM activity WHERE crm_id = ?", StateStore::activity, crmId);
  }

  /** The activities whose CRM id is one of {@code crmIds}, by CRM id: one query. */
  public Map<String, ActivityState> activitiesByCrmIds(Collection<String> crmIds) {
    return byAny("activity", "crm_id", StateStore::activity, ActivityState::crmId, crmIds);
  }

  /** The activities whose key is one of {@code keys}, by key: one query. */
  public Map<String, ActivityState> activitiesByKeys(Collection<String> keys) {
    return byAny("activity", "record_key", StateStore::activity, ActivityState::key, keys);
  }

  public List<ActivityState> activitiesOfNote(String notePath) {
    return many(
        "SELECT * FROM activity WHERE note_path = ? ORDER BY record_key",
        StateStore::activity,
        notePath);
  }

  public void putActivity(ActivityState a) {
    update(
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
    update("DELETE FROM activity WHERE record_key = ?", key);
  }

  /** The newest activity date of an account on or before {@code notAfter}, if any. */
  public Optional<LocalDate> newestActivityDate(String accountId, LocalDate notAfter) {
    return one(
            "SELECT MAX(activity_date) d FROM activity WHERE account_id = ? AND activity_date <= ?"
                + " AND NOT deleted_in_crm",
            rs -> rs.getObject("d", LocalDate.class),
            accountId,
            notAfter)
        .filter(d -> d != null);
  }

  private static ActivityState activity(ResultSet rs) throws SQLException {
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

  // ---- watermark and audit

  /** The pull watermark: every CRM change stamped before it has been applied. */
  public Optional<Instant> watermark() {
    return one(
            "SELECT val FROM sync_position WHERE name = 'watermark'",
            rs -> Instant.parse(rs.getString("val")))
        .filter(w -> w != null);
  }

  public void putWatermark(Instant watermark) {
    update("MERGE INTO sync_position KEY(name) VALUES('watermark', ?)", watermark.toString());
  }

  /** A named value of the sync position (e.g. which org this state belongs to), if stored. */
  public Optional<String> position(String name) {
    return one("SELECT val FROM sync_position WHERE name = ?", rs -> rs.getString("val"), name);
  }

  public void putPosition(String name, String value) {
    update("MERGE INTO sync_position KEY(name) VALUES(?, ?)", name, value);
  }

  /** Appends one line to the audit log: what was changed, where, and the hashes around it. */
  public void audit(
      String runId, String target, String action, String location, String before, String after) {
    update(
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
  public List<Map<String, Object>> auditLog() {
    return many(
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

  /** Runs several mutations as one transaction: all of them are kept, or none. */
  public void inTransaction(Runnable work) {
    if (commitEvery > 0) {
      // Inside batched(): the enclosing batch commits; a failure keeps what was done before.
      work.run();
      return;
    }
    try {
      db.setAutoCommit(false);
      try {
        work.run();
        db.commit();
      } catch (RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StateException("state transaction failed", e);
    }
  }

  /**
   * Runs many mutations committing every {@code every} of them instead of one by one (a commit per
   * row is what made a large first sync slow). Each mutation still describes a write that already
   * succeeded, so a crash loses at most the last {@code every} state rows, which the next run
   * recomputes (activity upserts are keyed, notes are re-read by hash); when {@code work} fails,
   * what it did before is committed, as the row-by-row commits would have.
   */
  public void batched(int every, Runnable work) {
    if (readOnly || commitEvery > 0) {
      work.run();
      return;
    }
    try {
      db.setAutoCommit(false);
      commitEvery = every;
      try {
        work.run();
      } finally {
        commitEvery = 0;
        uncommitted = 0;
        db.commit();
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StateException("state commit failed", e);
    }
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
      for (PreparedStatement ps : prepared.values()) {
        ps.close();
      }
      if (!readOnly && mostlyDead()) {
        try (var s = db.createStatement()) {
          s.execute("SHUTDOWN COMPACT");
        }
      }
      db.close();
    } catch (SQLException e) {
      throw new StateException("cannot close the state", e);
    }
  }

  /** True when the file exceeds {@link #compactAbove} bytes and less than half of it is live. */
  private boolean mostlyDead() throws SQLException {
    long fileSize = 0;
    int fillRate = 100;
    try (var s = db.createStatement();
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

  // ---- JDBC plumbing

  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** The rows of {@code table} whose {@code column} is one of {@code values}, by that value. */
  private <T> Map<String, T> byAny(
      String table, String column, Row<T> row, Function<T, String> key, Collection<String> values) {
    Map<String, T> out = new HashMap<>();
    String sql = "SELECT * FROM " + table + " WHERE " + column + " = ANY(?)";
    for (T t : many(sql, row, (Object) values.toArray(String[]::new))) {
      out.put(key.apply(t), t);
    }
    return out;
  }

  private <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    List<T> all = many(sql, row, args);
    return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
  }

  private <T> List<T> many(String sql, Row<T> row, Object... args) {
    try {
      PreparedStatement ps = statement(sql);
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StateException("state query failed", e);
    }
  }

  private void update(String sql, Object... args) {
    if (readOnly) {
      throw new IllegalStateException("the state is read-only in a dry run");
    }
    try {
      PreparedStatement ps = statement(sql);
      bind(ps, args);
      ps.executeUpdate();
      if (commitEvery > 0 && ++uncommitted >= commitEvery) {
        db.commit();
        uncommitted = 0;
      }
    } catch (SQLException e) {
      throw new StateException("state update failed", e);
    }
  }

  /** Statements are prepared once per connection: the same few run for every note and record. */
  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement ps = prepared.get(sql);
    if (ps == null) {
      ps = db.prepareStatement(sql);
      prepared.put(sql, ps);
    }
    return ps;
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  private static List<String> splitLines(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
  }
}
