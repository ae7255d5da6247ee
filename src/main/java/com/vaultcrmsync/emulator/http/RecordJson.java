package com.vaultcrmsync.emulator.http;

import com.vaultcrmsync.emulator.org.FieldDef;
import com.vaultcrmsync.emulator.org.ObjectDef;
import com.vaultcrmsync.emulator.org.WireFormat;
import com.vaultcrmsync.emulator.soql.SoqlRecord;
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
   * A SOQL result row: {@code attributes} {type, url} first (from the engine's record type and id),
   * then the selected fields; nested parent records get their own {@code attributes}.
   */
  static Map<String, Object> row(Map<String, Object> row, String fallbackType, String version) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (row instanceof SoqlRecord record) {
      out.put("attributes", attributes(record.objectName(), record.id(), version));
    } else {
      out.put("attributes", attributes(fallbackType, (String) row.get("Id"), version));
    }
    for (Map.Entry<String, Object> e : row.entrySet()) {
      Object value = e.getValue();
      if (value instanceof SoqlRecord parent) {
        out.put(e.getKey(), row(parent, parent.objectName(), version));
      } else {
        out.put(e.getKey(), WireFormat.out(value));
      }
    }
    return out;
  }
}
