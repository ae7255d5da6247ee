package com.vaultcrmsync.vault;

import java.nio.file.Path;
import java.util.List;

/**
 * What a scan found, each list sorted by path.
 *
 * @param root the vault folder, absolute
 * @param notes the {@code .md} notes that can be read
 * @param problems files and folders reported instead of read
 * @param staleTemps temp files left by a {@link NoteWriter} that did not finish (e.g. a crash)
 */
public record VaultListing(
    Path root, List<NoteFile> notes, List<ScanProblem> problems, List<Path> staleTemps) {
  public VaultListing {
    notes = List.copyOf(notes);
    problems = List.copyOf(problems);
    staleTemps = List.copyOf(staleTemps);
  }
}
