package com.vaultcrmsync.vault;

import java.time.LocalDate;

/**
 * One list item of {@code ## Recent Context}: {@code - <date|unknown>: <[[link]]|text> - <summary>
 * (via <source>) ^sf-<id>}. Indented lines under the item belong to it.
 *
 * @param line 1-based line of the item
 * @param start offset of the item's first character ({@code -})
 * @param lineEnd offset of the end of the item's first line (before its terminator)
 * @param end offset just past the last line that belongs to the entry, terminator included
 * @param raw the item's first line, exactly as written, without its terminator
 * @param dateText the date as written ({@code 2025-12-19} or {@code unknown})
 * @param date the date, or null when {@code unknown}
 * @param target wikilink target without alias or heading, or null for a plain-text entry
 * @param alias wikilink alias ({@code [[T|alias]]}) or null
 * @param heading wikilink heading ({@code [[T#heading]]}) or null
 * @param text plain text of an entry without a wikilink, else null
 * @param summary text after {@code " - "}, or null
 * @param via the source inside the trailing {@code (via …)}, or null
 * @param crmId the 18-character id from a trailing {@code ^sf-<id>} block id, or null
 */
public record ContextEntry(
    int line,
    int start,
    int lineEnd,
    int end,
    String raw,
    String dateText,
    LocalDate date,
    String target,
    String alias,
    String heading,
    String text,
    String summary,
    String via,
    String crmId) {

  /** The link target, or the plain text: what the entry is about. */
  public String subject() {
    return target != null ? target : text;
  }
}
