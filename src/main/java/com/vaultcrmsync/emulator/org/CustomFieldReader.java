package com.vaultcrmsync.emulator.org;

import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads one custom field declaration of the org schema file, failing with its location. */
final class CustomFieldReader {

  private static final Set<String> KEYS =
      Set.of(
          "name",
          "label",
          "type",
          "length",
          "required",
          "externalId",
          "unique",
          "values",
          "restricted",
          "referenceTo",
          "relationshipName",
          "default");

  private CustomFieldReader() {}

  static FieldDef read(Object node, String where) {
    if (!(node instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(where + ": expected a map with name and type");
    }
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        throw new IllegalArgumentException(
            where + ": unknown key '" + key + "' (expected one of " + KEYS + ")");
      }
    }
    String name = text(map, "name", where);
    if (!name.matches("[A-Za-z][A-Za-z0-9_]*__c")) {
      throw new IllegalArgumentException(
          where + ".name: '" + name + "' is not a custom field name (letters, digits, _ and __c)");
    }
    FieldType type = type(text(map, "type", where), where + ".type");
    FieldDef.Builder b = FieldDef.of(name, type).custom(true);
    if (map.get("label") != null) {
      b.label(String.valueOf(map.get("label")));
    }
    if (map.get("length") instanceof Integer length) {
      b.length(length);
    } else if (map.get("length") != null) {
      throw new IllegalArgumentException(where + ".length: expected an integer");
    }
    if (flag(map, "required", where)) {
      b.required();
    }
    b.externalId(flag(map, "externalId", where)).unique(flag(map, "unique", where));
    if (map.get("values") instanceof List<?> values) {
      b.picklist(
          flag(map, "restricted", where),
          values.stream().map(String::valueOf).toArray(String[]::new));
    }
    if (type == FieldType.REFERENCE) {
      if (!(map.get("referenceTo") instanceof String target)) {
        throw new IllegalArgumentException(where + ".referenceTo: required for a reference field");
      }
      String rel =
          map.get("relationshipName") == null
              ? name.substring(0, name.length() - 3) + "__r"
              : String.valueOf(map.get("relationshipName"));
      b.references(rel, target);
    }
    if (map.get("default") != null) {
      b.defaulted(map.get("default"));
    }
    return b.build();
  }

  private static FieldType type(String value, String where) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "string", "text" -> FieldType.STRING;
      case "textarea", "longtextarea" -> FieldType.TEXTAREA;
      case "picklist" -> FieldType.PICKLIST;
      case "email" -> FieldType.EMAIL;
      case "phone" -> FieldType.PHONE;
      case "url" -> FieldType.URL;
      case "boolean", "checkbox" -> FieldType.BOOLEAN;
      case "int", "integer" -> FieldType.INT;
      case "double", "number" -> FieldType.DOUBLE;
      case "currency" -> FieldType.CURRENCY;
      case "percent" -> FieldType.PERCENT;
      case "date" -> FieldType.DATE;
      case "datetime" -> FieldType.DATETIME;
      case "reference", "lookup" -> FieldType.REFERENCE;
      default ->
          throw new IllegalArgumentException(
              where
                  + ": unknown type '"
                  + value
                  + "' (expected string, textarea, picklist, email, phone,"
                  + " url, boolean, int, double, currency, percent, date, datetime or reference)");
    };
  }

  private static String text(Map<?, ?> map, String key, String where) {
    Object value = map.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new IllegalArgumentException(where + "." + key + ": required");
    }
    return String.valueOf(value);
  }

  private static boolean flag(Map<?, ?> map, String key, String where) {
    Object value = map.get(key);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException(where + "." + key + ": expected true or false");
  }
}
