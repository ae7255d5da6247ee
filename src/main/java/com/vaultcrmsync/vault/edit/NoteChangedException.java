package com.vaultcrmsync.vault.edit;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The note on disk is no longer what the caller read: the write was abandoned so that the user's
 * edit is not lost. Retry later from a fresh read.
 */
public final class NoteChangedException extends IOException {
  private final Path path;

  public NoteChangedException(Path path) {
    super(path + " changed on disk since it was read; not written");
    this.path = path;
  }

  public Path path() {
    return path;
  }
}
