package com.vaultcrmsync.vault;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A note found by the scanner, not yet read: enough to skip an unchanged note without reading it.
 *
 * @param relativePath the path relative to the vault root, with {@code /} separators
 * @param path the file's absolute path
 * @param size size in bytes
 * @param lastModified the file's modification time
 */
public record NoteFile(String relativePath, Path path, long size, Instant lastModified) {}
