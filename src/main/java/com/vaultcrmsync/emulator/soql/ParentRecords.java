package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.FieldPath.Hop;
import java.util.Map;

/** Fetches parent records for relationship paths and names their concrete object type. */
final class ParentRecords {
  private final SoqlSchema schema;
  private final SoqlRecordSource source;

  ParentRecords(SoqlSchema schema, SoqlRecordSource source) {
    this.schema = schema;
    this.source = source;
  }

  /** The record with this id (deleted ones included), or null. */
  Map<String, Object> byId(String id) {
    return source.byId(id).orElse(null);
  }

  /** The canonical object type of the record {@code id} reached through {@code hop}. */
  String typeOf(String id, Hop hop) {
    if (!hop.polymorphic()) {
      return hop.target().name();
    }
    var candidates = hop.reference().referenceTo();
    return schema
        .objectForId(id)
        .flatMap(
            name ->
                candidates.stream()
                    .filter(candidate -> candidate.equalsIgnoreCase(name))
                    .findFirst())
        .orElse(candidates.isEmpty() ? NameEntity.NAME : candidates.get(0));
  }
}
