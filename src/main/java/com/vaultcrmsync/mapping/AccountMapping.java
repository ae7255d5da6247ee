package com.vaultcrmsync.mapping;

import java.util.List;

/**
 * Entity notes to an sObject (Account by default).
 *
 * @param file the mapping file it came from
 * @param sObject the API name of the object
 * @param select which notes map to it
 * @param idProperty the front matter property holding the record id once linked
 * @param matchByName match an unlinked note to a record whose Name equals the note's Name field
 * @param matchByAliases also match on the note's {@code aliases} (case-insensitive)
 * @param createWhenUnmatched create a record when nothing matches; false = report only
 * @param fields the fields the vault owns, in file order
 */
public record AccountMapping(
    String file,
    String sObject,
    NoteSelector select,
    String idProperty,
    boolean matchByName,
    boolean matchByAliases,
    boolean createWhenUnmatched,
    List<FieldRule> fields) {

  public AccountMapping {
    fields = List.copyOf(fields);
  }
}
