package com.vaultcrmsync.emulator.org;

import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldInfo;
import com.vaultcrmsync.emulator.soql.SoqlSchema.ObjectInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An emulated sObject type: its key prefix and its fields in describe order. {@code writable} is
 * false for objects the REST API may only read (User).
 */
public final class ObjectDef {

  private final String name;
  private final String keyPrefix;
  private final String labelPlural;
  private final boolean writable;
  private final List<FieldDef> fields;
  private final Map<String, FieldDef> byLower = new HashMap<>();
  private final Map<String, FieldDef> byRelationship = new HashMap<>();
  private final ObjectInfo info;

  public ObjectDef(
      String name, String keyPrefix, String labelPlural, boolean writable, List<FieldDef> fields) {
    this.name = name;
    this.keyPrefix = keyPrefix;
    this.labelPlural = labelPlural;
    this.writable = writable;
    this.fields = List.copyOf(fields);
    Map<String, FieldInfo> infos = new LinkedHashMap<>();
    for (FieldDef f : this.fields) {
      String lower = f.name().toLowerCase(Locale.ROOT);
      byLower.put(lower, f);
      infos.put(lower, f.info());
      if (f.relationshipName() != null) {
        byRelationship.put(f.relationshipName().toLowerCase(Locale.ROOT), f);
      }
    }
    this.info = new ObjectInfo(name, infos);
  }

  public String name() {
    return name;
  }

  public String keyPrefix() {
    return keyPrefix;
  }

  public String label() {
    return name;
  }

  public String labelPlural() {
    return labelPlural;
  }

  public boolean writable() {
    return writable;
  }

  /** Fields in describe order. */
  public List<FieldDef> fields() {
    return fields;
  }

  /** The field with this name in any casing, or null. */
  public FieldDef field(String fieldName) {
    return byLower.get(fieldName.toLowerCase(Locale.ROOT));
  }

  /** The reference field whose relationship name is {@code rel} in any casing, or null. */
  public FieldDef relationship(String rel) {
    return byRelationship.get(rel.toLowerCase(Locale.ROOT));
  }

  /** This object with extra fields appended (custom fields from the schema file). */
  public ObjectDef withFields(List<FieldDef> extra) {
    List<FieldDef> all = new ArrayList<>(fields);
    for (FieldDef f : extra) {
      all.removeIf(existing -> existing.name().equalsIgnoreCase(f.name()));
      all.add(f);
    }
    return new ObjectDef(name, keyPrefix, labelPlural, writable, all);
  }

  /** The object as the SOQL engine sees it. */
  public ObjectInfo info() {
    return info;
  }
}
