package com.vaultcrmsync.sync.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code note_file} table: what the sync remembers of each note file (size, mtime, content
 * hash, title, aliases), so that an unchanged note is neither read nor parsed again.
 */
final class NoteIndex {
  private final StateConnection db;

  NoteIndex(StateConnection db) {
    this.db = db;
  }

  public Optional<NoteState> note(String path) {
    return db.one("SELECT * FROM note_file WHERE path = ?", NoteIndex::row, path);
  }

  /** Every remembered note, for finding a note by title or alias. */
  public List<NoteState> notes() {
    return db.many("SELECT * FROM note_file ORDER BY path", NoteIndex::row);
  }

  public void putNote(NoteState n) {
    db.update(
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
    db.update("DELETE FROM note_file WHERE path = ?", path);
  }

  private static NoteState row(ResultSet rs) throws SQLException {
    String aliases = rs.getString("aliases");
    return new NoteState(
        rs.getString("path"),
        rs.getLong("size"),
        rs.getLong("mtime"),
        rs.getString("content_hash"),
        rs.getBoolean("selected"),
        rs.getString("title"),
        aliases == null || aliases.isEmpty() ? List.of() : Arrays.asList(aliases.split("\n")));
  }
}
