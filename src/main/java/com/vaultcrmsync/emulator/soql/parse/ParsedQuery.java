package com.vaultcrmsync.emulator.soql.parse;

import java.util.List;

/**
 * A SOQL statement as written, before names are checked against the schema.
 *
 * @param select the select list in order
 * @param from the object name as written
 * @param alias the object's alias, or null
 * @param where the filter, or null
 * @param orderBy the sort keys in order (may be empty)
 * @param limit the LIMIT, or null
 * @param offset the OFFSET, or null
 */
public record ParsedQuery(
    List<SelectItem> select,
    NameRef from,
    String alias,
    Condition where,
    List<OrderKey> orderBy,
    Integer limit,
    NumberRef offset) {

  /** A name or dotted path as written, with the 0-based offset of its first character. */
  public record NameRef(List<String> path, int offset) {
    public String dotted() {
      return String.join(".", path);
    }
  }

  /** A LIMIT or OFFSET value and where it stands. */
  public record NumberRef(int value, int offset) {}

  /** One select-list element: a field path, or {@code COUNT()} when {@code field} is null. */
  public record SelectItem(NameRef field, int offset) {
    public boolean isCount() {
      return field == null;
    }
  }

  /**
   * One ORDER BY key.
   *
   * @param nullsFirst explicit NULLS FIRST/LAST, or null for Salesforce's default (first for ASC,
   *     last for DESC)
   */
  public record OrderKey(NameRef field, boolean descending, Boolean nullsFirst) {}
}
