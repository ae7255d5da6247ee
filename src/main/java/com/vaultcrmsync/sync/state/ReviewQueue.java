package com.vaultcrmsync.sync.state;

import com.vaultcrmsync.sync.state.ReviewEntry.Kind;
import com.vaultcrmsync.sync.state.ReviewEntry.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The review queue (DESIGN §4): what a run cannot decide (ambiguous or unmatched notes, conflicts,
 * record errors, deletes) as persistent {@link ReviewEntry items} in the {@code review_item} table,
 * each with a stable id, until a person resolves or ignores it or its situation goes away.
 *
 * <p>This is the seam only: nothing raises items yet. The next issue wires it: the planners {@link
 * #raise} what they cannot decide and {@link #clearGone} what they no longer see, nothing an open
 * item concerns is written on either side ({@link #isOpen}), and the review page, HTTP API and
 * {@code review} command {@link #resolve}, {@link #ignore} and {@link #reopen}.
 *
 * <p>Like the rest of the state, an item is raised only after the run decided it, and changed only
 * in the store's transaction. A dry-run store reads the queue (an older file without the table
 * reads as empty) and refuses every change.
 */
public final class ReviewQueue {
  /** The resolution of an item closed because its situation went away. */
  public static final String GONE = "gone";

  private final StateConnection db;
  private final Clock clock;
  private final boolean present;

  ReviewQueue(StateConnection db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.present = !db.readOnly() || db.hasTable("review_item");
  }

  /** The same queue on a given clock (tests). */
  ReviewQueue at(Clock other) {
    return new ReviewQueue(db, other);
  }

  /**
   * Raises (or raises again) the item about {@code recordKey} in {@code notePath}: a new item is
   * open; a known one keeps its first sighting and gets the new line, summary, detail and last
   * sighting. An ignored item stays ignored while its detail is the same and opens again when it
   * changed; a resolved item that is raised again opens again (its resolution did not end it).
   */
  public ReviewEntry raise(
      Kind kind, String notePath, String recordKey, Integer line, String summary, String detail) {
    db.requireWritable();
    String id = ReviewEntry.idOf(kind, notePath, recordKey);
    Timestamp now = Timestamp.from(clock.instant());
    db.inTransaction(
        () -> {
          Optional<ReviewEntry> known = byId(id);
          if (known.isEmpty()) {
            db.update(
                "INSERT INTO review_item(id, kind, note_path, record_key, line, summary, detail,"
                    + " status, first_seen, last_seen) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                ReviewEntry.code(kind),
                notePath,
                recordKey,
                line,
                summary,
                detail,
                ReviewEntry.code(Status.OPEN),
                now,
                now);
            return;
          }
          ReviewEntry k = known.get();
          boolean stillIgnored = k.status() == Status.IGNORED && Objects.equals(k.detail(), detail);
          db.update(
              "UPDATE review_item SET line = ?, summary = ?, detail = ?, last_seen = ?, status = ?,"
                  + " resolution = ? WHERE id = ?",
              line,
              summary,
              detail,
              now,
              stillIgnored ? ReviewEntry.code(Status.IGNORED) : ReviewEntry.code(Status.OPEN),
              stillIgnored ? k.resolution() : null,
              id);
        });
    return byId(id).orElseThrow();
  }

  /** Every open item, oldest first. */
  public List<ReviewEntry> open() {
    return select("WHERE status = 'open' ORDER BY first_seen, id");
  }

  /** Every item, whatever its status, oldest first. */
  public List<ReviewEntry> all() {
    return select("ORDER BY first_seen, id");
  }

  public Optional<ReviewEntry> byId(String id) {
    return select("WHERE id = ?", id).stream().findFirst();
  }

  /** The open items of one note, oldest first. */
  public List<ReviewEntry> openFor(String notePath) {
    return select("WHERE note_path = ? AND status = 'open' ORDER BY first_seen, id", notePath);
  }

  /** Whether the item about {@code recordKey} in {@code notePath} of this kind is open. */
  public boolean isOpen(Kind kind, String notePath, String recordKey) {
    return byId(ReviewEntry.idOf(kind, notePath, recordKey))
        .filter(ReviewEntry::isOpen)
        .isPresent();
  }

  /** Closes an item with how a person resolved it; false when there is no such item. */
  public boolean resolve(String id, String resolution) {
    return setStatus(id, Status.RESOLVED, resolution);
  }

  /** Sets an item aside until its detail changes; false when there is no such item. */
  public boolean ignore(String id) {
    return setStatus(id, Status.IGNORED, null);
  }

  /** Opens an ignored or resolved item again; false when there is no such item. */
  public boolean reopen(String id) {
    return setStatus(id, Status.OPEN, null);
  }

  /**
   * Closes ({@link #GONE}) the open and ignored items of {@code notePath} that the run did not
   * raise again, their situation having gone away; returns how many it closed.
   */
  public int clearGone(String notePath, Set<String> stillRaised) {
    return db.update(
        "UPDATE review_item SET status = 'resolved', resolution = ? WHERE note_path = ?"
            + " AND status <> 'resolved' AND NOT (id = ANY(?))",
        GONE,
        notePath,
        stillRaised.toArray(String[]::new));
  }

  private boolean setStatus(String id, Status status, String resolution) {
    return db.update(
            "UPDATE review_item SET status = ?, resolution = ? WHERE id = ?",
            ReviewEntry.code(status),
            resolution,
            id)
        > 0;
  }

  private List<ReviewEntry> select(String where, Object... args) {
    if (!present) {
      return List.of();
    }
    return db.many("SELECT * FROM review_item " + where, ReviewQueue::row, args);
  }

  private static ReviewEntry row(ResultSet rs) throws SQLException {
    return new ReviewEntry(
        rs.getString("id"),
        ReviewEntry.of(Kind.class, rs.getString("kind")),
        rs.getString("note_path"),
        rs.getString("record_key"),
        rs.getObject("line", Integer.class),
        rs.getString("summary"),
        rs.getString("detail"),
        ReviewEntry.of(Status.class, rs.getString("status")),
        rs.getTimestamp("first_seen").toInstant(),
        rs.getTimestamp("last_seen").toInstant(),
        rs.getString("resolution"));
  }
}
