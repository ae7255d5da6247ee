package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldInfo;
import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Name} entity: what SOQL lets a query read through a polymorphic relationship such as
 * {@code What} or {@code Who} ({@code What.Name}, {@code What.Type}, …). {@code Type} is the
 * concrete object type of the referenced record.
 */
final class NameEntity {
  static final String NAME = "Name";

  private static final Map<String, FieldInfo> FIELDS = new LinkedHashMap<>();

  static {
    add("Id", FieldType.ID);
    add("Name", FieldType.STRING);
    add("Type", FieldType.PICKLIST);
    add("Alias", FieldType.STRING);
    add("FirstName", FieldType.STRING);
    add("LastName", FieldType.STRING);
    add("Email", FieldType.EMAIL);
    add("Phone", FieldType.PHONE);
    add("Title", FieldType.STRING);
    add("Username", FieldType.STRING);
    add("IsActive", FieldType.BOOLEAN);
    add("UserRoleId", FieldType.REFERENCE);
    add("ProfileId", FieldType.REFERENCE);
    add("RecordTypeId", FieldType.REFERENCE);
    add("CommunityNickname", FieldType.STRING);
    add("LastReferencedDate", FieldType.DATETIME);
    add("LastViewedDate", FieldType.DATETIME);
  }

  private NameEntity() {}

  private static void add(String name, FieldType type) {
    FIELDS.put(name.toLowerCase(Locale.ROOT), new FieldInfo(name, type, List.of(), null));
  }

  /** The field with this name in any casing, or null. */
  static FieldInfo field(String name) {
    return FIELDS.get(name.toLowerCase(Locale.ROOT));
  }

  /** Whether {@code field} is the synthetic {@code Type} field. */
  static boolean isType(FieldInfo field) {
    return field.name().equals("Type");
  }
}
