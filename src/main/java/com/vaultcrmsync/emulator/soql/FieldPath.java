package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldInfo;
import com.vaultcrmsync.emulator.soql.SoqlSchema.ObjectInfo;
import java.util.List;
import java.util.Map;

/**
 * A field reference checked against the schema: zero or more parent hops ({@code Account}, {@code
 * Owner}) and the field read at the end, all in canonical casing.
 *
 * @param dotted the canonical path, e.g. {@code Account.Owner.Name}
 * @param hops the relationships walked, outermost first
 * @param field the field read on the last object
 */
record FieldPath(String dotted, List<Hop> hops, FieldInfo field) {

  /**
   * One walk along a reference field.
   *
   * @param reference the reference field ({@code AccountId}, {@code WhatId})
   * @param target the parent object, or null for a polymorphic reference (read as the {@code Name}
   *     entity)
   */
  record Hop(FieldInfo reference, ObjectInfo target) {
    String relationshipName() {
      return reference.relationshipName();
    }

    boolean polymorphic() {
      return target == null;
    }
  }

  ValueKind kind() {
    return ValueKind.of(field.type());
  }

  boolean isDirect() {
    return hops.isEmpty();
  }

  /** The value of this path for {@code record}, or null when any reference on the way is empty. */
  Object read(Map<String, Object> record, ParentRecords parents) {
    Map<String, Object> current = record;
    for (int i = 0; i < hops.size(); i++) {
      Hop hop = hops.get(i);
      Object refId = current.get(hop.reference().name());
      if (refId == null) {
        return null;
      }
      current = parents.byId((String) refId);
      if (current == null) {
        return null;
      }
      if (i == hops.size() - 1 && hop.polymorphic() && NameEntity.isType(field)) {
        return parents.typeOf((String) refId, hop);
      }
    }
    return current.get(field.name());
  }
}
