package com.vaultcrmsync.emulator.soql;

import java.util.Locale;

/**
 * How SOQL orders values of each {@link ValueKind}: text case-insensitively, ids exactly, booleans
 * false before true, numbers numerically, dates and datetimes chronologically. Values are turned
 * into sort keys once so that comparisons do no per-comparison work.
 */
final class ValueOrder {
  private ValueOrder() {}

  /** The comparable sort key of a record value of this kind; null for no value. */
  @SuppressWarnings("unchecked")
  static Comparable<Object> key(ValueKind kind, Object value) {
    if (value == null) {
      return null;
    }
    Object key =
        switch (kind) {
          case TEXT -> ((String) value).isEmpty() ? null : fold((String) value);
          case NUMBER -> ((Number) value).doubleValue();
          default -> value;
        };
    return (Comparable<Object>) key;
  }

  /** Compares a non-null record value with a sort key made by {@link #key} or a typed literal. */
  static int compare(ValueKind kind, Object value, Object boundKey) {
    Comparable<Object> key = key(kind, value);
    return key == null ? -1 : key.compareTo(boundKey);
  }

  /** Text folded for case-insensitive comparison. */
  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** An id in its 18-character form (ids the store holds are already 18 characters). */
  static String normalizeId(String id) {
    return id.length() == 15 && SalesforceIds.isWellFormed(id) ? SalesforceIds.to18(id) : id;
  }
}
