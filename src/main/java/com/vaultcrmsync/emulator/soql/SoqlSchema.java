package com.vaultcrmsync.emulator.soql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the SOQL engine needs to know about the org's objects. Names are case-insensitive. */
public interface SoqlSchema {

  /** The object with this name in any casing, or empty. */
  Optional<ObjectInfo> object(String name);

  /**
   * The canonical name of the object a record id belongs to, from the id's 3-character key prefix,
   * or empty when unknown. The SOQL engine needs it for polymorphic references ({@code WhatId},
   * {@code WhoId}) to report the concrete parent type. The default knows Salesforce's standard key
   * prefixes; an org with other objects overrides it.
   */
  default Optional<String> objectForId(String id) {
    return id == null || id.length() < 3
        ? Optional.empty()
        : Optional.ofNullable(KeyPrefixes.STANDARD.get(id.substring(0, 3)));
  }

  /**
   * @param name canonical API name ({@code Task})
   * @param fields by lower-cased field name
   */
  record ObjectInfo(String name, Map<String, FieldInfo> fields) {
    /** The field with this name in any casing, or null. */
    public FieldInfo field(String fieldName) {
      return fields.get(fieldName.toLowerCase(Locale.ROOT));
    }

    /** The reference field whose relationship name is {@code rel} in any casing, or null. */
    public FieldInfo relationship(String rel) {
      return fields.values().stream()
          .filter(f -> f.relationshipName() != null && f.relationshipName().equalsIgnoreCase(rel))
          .findFirst()
          .orElse(null);
    }
  }

  /**
   * @param name canonical API name
   * @param type the Salesforce field type
   * @param referenceTo target objects of a reference field (several for polymorphic {@code WhatId})
   * @param relationshipName {@code What} for {@code WhatId}, {@code Owner} for {@code OwnerId}, …
   */
  record FieldInfo(
      String name, FieldType type, List<String> referenceTo, String relationshipName) {}

  /**
   * Field types and the Java type a record holds for them: ID/STRING/TEXTAREA/PICKLIST/…: String;
   * BOOLEAN: Boolean; INT: Integer; DOUBLE/CURRENCY/PERCENT: Double; DATE: java.time.LocalDate;
   * DATETIME: java.time.Instant; REFERENCE: String (an 18-char id). Null means no value.
   */
  enum FieldType {
    ID,
    STRING,
    TEXTAREA,
    PICKLIST,
    COMBOBOX,
    EMAIL,
    PHONE,
    URL,
    REFERENCE,
    BOOLEAN,
    INT,
    DOUBLE,
    CURRENCY,
    PERCENT,
    DATE,
    DATETIME
  }
}
