package com.vaultcrmsync.vault.edit;

import com.vaultcrmsync.vault.ContextEntry;
import com.vaultcrmsync.vault.Note;
import java.time.LocalDate;

/**
 * One-edit shortcuts over {@link NoteEdit}: each returns the note's new text, every char the edit
 * does not own left as it was. Use {@link NoteEdit} to apply several edits in one write.
 */
public final class NoteEditor {
  private NoteEditor() {}

  /** See {@link NoteEdit#setFrontMatterScalar(String, String)}. */
  public static String setFrontMatterScalar(Note note, String key, String value) {
    return NoteEdit.of(note).setFrontMatterScalar(key, value).apply();
  }

  /** See {@link NoteEdit#insertEntry(String, LocalDate)}; a null date means undated. */
  public static String insertEntry(Note note, String line, LocalDate date) {
    return NoteEdit.of(note).insertEntry(line, date).apply();
  }

  /** See {@link NoteEdit#insertEntry(String)}: the position comes from the line's own date. */
  public static String insertEntry(Note note, String line) {
    return NoteEdit.of(note).insertEntry(line).apply();
  }

  /** See {@link NoteEdit#replaceEntryLine(ContextEntry, String)}. */
  public static String replaceEntryLine(Note note, ContextEntry entry, String newLine) {
    return NoteEdit.of(note).replaceEntryLine(entry, newLine).apply();
  }
}
