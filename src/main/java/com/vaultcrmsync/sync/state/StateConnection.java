package com.vaultcrmsync.sync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one H2 connection every part of the state shares ({@link NoteIndex}, {@link AccountLinks},
 * {@link ActivityLedger}, {@link SyncPositions}, {@link AuditLog}, {@link ReviewQueue}), so that
 * they take part in the same transaction and batch: statements prepared once, reads, writes that
 * refuse in a dry run, and the commit batching of {@link StateStore#batched}.
 */
final class StateConnection {
  /** Maps the current row of a result set to a value. */
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final Connection db;
  private final boolean readOnly;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();
  private int commitEvery;
  private int uncommitted;

  StateConnection(Connection db, boolean readOnly) {
    this.db = db;
    this.readOnly = readOnly;
  }

  boolean readOnly() {
    return readOnly;
  }

  Connection jdbc() {
    return db;
  }

  /** Throws when the state was opened for a dry run. */
  void requireWritable() {
    if (readOnly) {
      throw new IllegalStateException("the state is read-only in a dry run");
    }
  }

  /** Whether the table exists (an older state file opened read-only may lack a newer table). */
  boolean hasTable(String table) {
    return one(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?",
                rs -> rs.getLong(1),
                table.toUpperCase(Locale.ROOT))
            .orElse(0L)
        > 0;
  }

  /** The rows of {@code table} whose {@code column} is one of {@code values}, by that value. */
  <T> Map<String, T> byAny(
      String table, String column, Row<T> row, Function<T, String> key, Collection<String> values) {
    Map<String, T> out = new HashMap<>();
    String sql = "SELECT * FROM " + table + " WHERE " + column + " = ANY(?)";
    for (T t : many(sql, row, (Object) values.toArray(String[]::new))) {
      out.put(key.apply(t), t);
    }
    return out;
  }

  <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    List<T> all = many(sql, row, args);
    return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
  }

  <T> List<T> many(String sql, Row<T> row, Object... args) {
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

  /** Runs one write; returns the number of rows it changed. */
  int update(String sql, Object... args) {
    requireWritable();
    try {
      PreparedStatement ps = statement(sql);
      bind(ps, args);
      int rows = ps.executeUpdate();
      if (commitEvery > 0 && ++uncommitted >= commitEvery) {
        db.commit();
        uncommitted = 0;
      }
      return rows;
    } catch (SQLException e) {
      throw new StateException("state update failed", e);
    }
  }

  /** See {@link StateStore#inTransaction}. */
  void inTransaction(Runnable work) {
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

  /** See {@link StateStore#batched}. */
  void batched(int every, Runnable work) {
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

  /** Closes the prepared statements; the connection stays open for {@link StateStore#close}. */
  void closeStatements() throws SQLException {
    for (PreparedStatement ps : prepared.values()) {
      ps.close();
    }
    prepared.clear();
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
}
