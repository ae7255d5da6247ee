package com.vaultcrmsync.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records as Salesforce writes them in REST bodies: {@code attributes} {type, url} first, then
 * fields in canonical casing, datetimes as {@code 2025-01-01T00:00:00.000+0000}, dates as {@code
 * 2025-01-01}, absent values as null.
 */
final class RecordJson {

  private RecordJson() {}

  static Map<String, Object> attributes(String type, String id, String version) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("type", type);
    if (id != null) {
      a.put("url", "/services/data/v" + version + "/sobjects/" + type + "/" + id);
    }
    return a;
  }

  /** Every field of the object, in describe order. */
  static Map<String, Object> full(ObjectDef object, Map<String, Object> record, String version) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("attributes", attributes(object.name(), (String) record.get("Id"), version));
    for (FieldDef f : object.fields()) {
      out.put(f.name(), WireFormat.out(record.get(f.name())));
    }
    return out;
  }

  /** The given fields in the given order, {@code Id} appended when not asked for. */
  static Map<String, Object> selected(
      ObjectDef object, Map<String, Object> record, List<FieldDef> fields, String version) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("attributes", attributes(object.name(), (String) record.get("Id"), version));
    for (FieldDef f : fields) {
      out.put(f.name(), WireFormat.out(record.get(f.name())));
    }
    out.putIfAbsent("Id", record.get("Id"));
    return out;
  }

  /**
   * A SOQL result row: {@code attributes} added to the row and to each parent relationship map; a
   * relationship's type is its reference field's target (or the parent's key prefix).
   */
  static Map<String, Object> row(
      OrgSchema schema, ObjectDef object, Map<String, Object> row, String ownId, String version) {
    Map<String, Object> out = new LinkedHashMap<>();
    Object id = row.get("Id");
    String url = id instanceof String s ? s : ownId;
    out.put("attributes", attributes(object.name(), url, version));
    for (Map.Entry<String, Object> e : row.entrySet()) {
      Object value = e.getValue();
      if (value instanceof Map<?, ?> nested) {
        @SuppressWarnings("unchecked")
        Map<String, Object> parent = (Map<String, Object>) nested;
        out.put(e.getKey(), parentRow(schema, object, e.getKey(), parent, row, version));
      } else if (value instanceof List<?> list) {
        out.put(e.getKey(), list);
      } else {
        out.put(e.getKey(), WireFormat.out(value));
      }
    }
    return out;
  }

  private static Map<String, Object> parentRow(
      OrgSchema schema,
      ObjectDef object,
      String relationship,
      Map<String, Object> parent,
      Map<String, Object> childRow,
      String version) {
    FieldDef reference = object.relationship(relationship);
    String parentId = parent.get("Id") instanceof String s ? s : null;
    if (parentId == null
        && reference != null
        && childRow.get(reference.name()) instanceof String s) {
      parentId = s;
    }
    ObjectDef target = null;
    if (parentId != null) {
      target = schema.byPrefix(SalesforceId.prefix(parentId)).orElse(null);
    }
    if (target == null && reference != null) {
      target = schema.def(reference.referenceTo().get(0)).orElse(null);
    }
    if (target == null) {
      return parent;
    }
    return row(schema, target, parent, parentId, version);
  }
}
