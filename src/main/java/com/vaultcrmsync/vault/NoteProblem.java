package com.vaultcrmsync.vault;

/**
 * Something wrong in a note. ERROR means the note is reported and left untouched; WARNING means a
 * line was kept as it is but could not be understood (e.g. a Recent Context line that is not an
 * entry).
 *
 * @param line 1-based line, or 0 when the problem is about the whole file
 */
public record NoteProblem(Severity severity, String message, int line) {
  public enum Severity {
    ERROR,
    WARNING
  }
}
