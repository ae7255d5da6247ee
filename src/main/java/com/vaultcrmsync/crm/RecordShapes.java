package com.vaultcrmsync.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two shapes of a record: what sObject Collections expect ({@code attributes.type} first, then
 * the fields) and what the engine gets from a query (a plain map, {@code attributes} removed at
 * every level).
 */
final class RecordShapes {
  private static final String ATTRIBUTES = "attributes";

  private RecordShapes() {}

  /** Copies of the records with {@code "attributes": {"type": sObject}} in front. */
  static List<Map<String, Object>> typed(String sObject, List<Map<String, Object>> records) {
    List<Map<String, Object>> out = new ArrayList<>(records.size());
    for (Map<String, Object> record : records) {
      Map<String, Object> copy = new LinkedHashMap<>();
      copy.put(ATTRIBUTES, Map.of("type", sObject));
      record.forEach(
          (k, v) -> {
            if (!ATTRIBUTES.equals(k)) {
              copy.put(k, v);
            }
          });
      out.add(copy);
    }
    return out;
  }

  /** A query record as a plain map: {@code attributes} removed here and in nested parents. */
  static Map<String, Object> plain(Map<?, ?> record) {
    Map<String, Object> out = new LinkedHashMap<>();
    record.forEach(
        (k, v) -> {
          if (!ATTRIBUTES.equals(k)) {
            out.put(String.valueOf(k), v instanceof Map<?, ?> nested ? plain(nested) : v);
          }
        });
    return out;
  }

  /** The {@code records} of a query page, or an empty list. */
  static List<?> records(Map<?, ?> page) {
    Object records = page.get("records");
    return records instanceof List<?> list ? list : List.of();
  }
}
