package com.vaultcrmsync.sync.state;

import java.util.List;

/**
 * What the state store remembers of a note file after it was last synced: enough to skip it without
 * reading (size, mtime) or without parsing (content hash), and to find it by account key.
 *
 * @param path vault-relative path with {@code /}
 * @param size size in bytes when last seen
 * @param mtime modification time in epoch milliseconds when last seen
 * @param contentHash SHA-256 of the bytes when last seen
 * @param selected whether the account mapping selected it (an unselected note is skipped quietly)
 * @param title the note's title
 * @param aliases the note's {@code aliases}
 */
public record NoteState(
    String path,
    long size,
    long mtime,
    String contentHash,
    boolean selected,
    String title,
    List<String> aliases) {
  public NoteState {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The same note with a new size and mtime: touched on disk, same content. */
  public NoteState withFile(long size, long mtime) {
    return new NoteState(path, size, mtime, contentHash, selected, title, aliases);
  }
}
