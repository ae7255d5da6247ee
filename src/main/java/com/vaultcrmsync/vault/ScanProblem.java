package com.vaultcrmsync.vault;

/**
 * A file or folder the scanner reports instead of listing (too large, unreadable, a symbolic link).
 *
 * @param relativePath the path relative to the vault root, with {@code /} separators
 * @param reason what is wrong, for the run report
 */
public record ScanProblem(String relativePath, String reason) {}
