package com.vaultcrmsync.vault;

/**
 * A heading and the text that belongs to it, up to the next heading of the same or a higher level.
 *
 * @param level 1 for {@code #}, 2 for {@code ##}, …
 * @param title the heading text, trimmed
 * @param line 1-based line of the heading
 * @param headingStart offset of the heading line
 * @param bodyStart offset just past the heading line's terminator
 * @param end offset where the section ends (the next heading of the same or a higher level, or the
 *     end of text)
 */
public record Section(
    int level, String title, int line, int headingStart, int bodyStart, int end) {}
