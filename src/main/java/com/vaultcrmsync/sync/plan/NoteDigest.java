package com.vaultcrmsync.sync.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the sync needs of a changed note, without its text: the note itself is not kept in memory
 * between reading and writing, so a large vault streams through.
 *
 * @param path vault-relative path
 * @param size bytes when read
 * @param mtime epoch milliseconds when read
 * @param contentHash SHA-256 of the bytes read; a write goes ahead only if the file still has it
 * @param title the note's title
 * @param aliases the note's {@code aliases}
 * @param idValue the id property's value in front matter, or null
 * @param lastContact the {@code last_contact} value as written, or null
 * @param accountFields the vault-owned account fields
 * @param entries every entry of the synced section, in document order
 */
public record NoteDigest(
    String path,
    long size,
    long mtime,
    String contentHash,
    String title,
    List<String> aliases,
    String idValue,
    String lastContact,
    Map<String, Object> accountFields,
    List<EntryDigest> entries) {

  /** The name compared when matching an unlinked note by name. */
  public String name() {
    Object name = accountFields.get("Name");
    return name == null ? title : name.toString();
  }

  /**
   * One entry.
   *
   * @param line 1-based line
   * @param date the date, or null for an undated entry
   * @param subject link target or text
   * @param raw the entry's first line as written, kept only for an entry written from the CRM
   *     (compared with the CRM's line); null for the others, whose lines are never compared
   * @param crmId the id of a {@code ^sf-} block id (an entry written from the CRM), or null
   * @param fields the mapped activity fields (without parent lookup and external id)
   */
  public record EntryDigest(
      int line,
      LocalDate date,
      String subject,
      String raw,
      String crmId,
      Map<String, Object> fields) {}
}
