package com.vaultcrmsync.emulator.soql;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The org's records as the SOQL engine reads them. Records are maps keyed by canonical field name,
 * values typed as {@link SoqlSchema.FieldType} says, and always carry {@code Id} and {@code
 * IsDeleted}. Implementations are safe to read while other threads write (a snapshot or a
 * concurrent map).
 */
public interface SoqlRecordSource {

  /** Every record of the object, deleted ones included (the engine filters for {@code query}). */
  Stream<Map<String, Object>> scan(String objectName);

  /**
   * A record of any object by its 18-character id (15-character ids accepted), deleted included.
   */
  Optional<Map<String, Object>> byId(String id);

  /**
   * Records of the object whose {@code field} equals one of {@code values}, served from an index,
   * or empty when that field is not indexed (the engine then scans). Deleted records included. The
   * engine asks only for id, reference and text fields: ids come in their 18-character form; text
   * values come as written in the query, and since SOQL's {@code =} on text ignores case the index
   * of a text field should match case-insensitively. Returning more records than match is harmless:
   * the engine checks every returned record against the whole WHERE clause.
   */
  Optional<Collection<Map<String, Object>>> lookup(
      String objectName, String field, Collection<?> values);
}
