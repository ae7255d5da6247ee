package com.vaultcrmsync.emulator.org;

import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldInfo;
import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType;
import java.util.List;

/**
 * One field of an emulated object, with the properties describe reports and writes enforce.
 *
 * @param length maximum characters of a text field, 0 for other types
 * @param nillable false for required fields (unless {@code defaultedOnCreate})
 * @param referenceTo target objects of a reference field, empty otherwise
 * @param relationshipName {@code What} for {@code WhatId}, null when not a reference
 * @param picklistValues allowed values of a picklist; a restricted picklist rejects others
 * @param defaultValue value set on create when the field is not given, or null
 */
public record FieldDef(
    String name,
    String label,
    FieldType type,
    int length,
    boolean nillable,
    boolean createable,
    boolean updateable,
    boolean defaultedOnCreate,
    boolean externalId,
    boolean unique,
    boolean custom,
    boolean nameField,
    List<String> referenceTo,
    String relationshipName,
    List<String> picklistValues,
    boolean restrictedPicklist,
    Object defaultValue) {

  public FieldDef {
    referenceTo = List.copyOf(referenceTo);
    picklistValues = List.copyOf(picklistValues);
  }

  /** A required field: not nillable and not defaulted, and writable on create. */
  public boolean required() {
    return !nillable && !defaultedOnCreate && createable && type != FieldType.BOOLEAN;
  }

  /** The field as the SOQL engine sees it. */
  public FieldInfo info() {
    return new FieldInfo(name, type, referenceTo, relationshipName);
  }

  /** Whether the value is matched case-insensitively in indexes (text external ids are). */
  public boolean indexed() {
    return externalId || unique || type == FieldType.REFERENCE;
  }

  /** A builder starting from a nillable, createable, updateable standard field. */
  public static Builder of(String name, FieldType type) {
    return new Builder(name, type);
  }

  /** Builds {@link FieldDef}s for the object definitions. */
  public static final class Builder {
    private final String name;
    private final FieldType type;
    private String label;
    private int length;
    private boolean nillable = true;
    private boolean createable = true;
    private boolean updateable = true;
    private boolean defaulted;
    private boolean externalId;
    private boolean unique;
    private boolean custom;
    private boolean nameField;
    private List<String> referenceTo = List.of();
    private String relationshipName;
    private List<String> picklist = List.of();
    private boolean restricted;
    private Object defaultValue;

    private Builder(String name, FieldType type) {
      this.name = name;
      this.type = type;
      this.label = labelOf(name);
      this.length = defaultLength(type);
    }

    public Builder label(String value) {
      label = value;
      return this;
    }

    public Builder length(int value) {
      length = value;
      return this;
    }

    public Builder required() {
      nillable = false;
      return this;
    }

    public Builder readOnly() {
      createable = false;
      updateable = false;
      return this;
    }

    public Builder createOnly() {
      updateable = false;
      return this;
    }

    public Builder defaulted(Object value) {
      defaulted = true;
      defaultValue = value;
      return this;
    }

    public Builder systemDefaulted() {
      defaulted = true;
      return this;
    }

    public Builder externalId(boolean value) {
      externalId = value;
      return this;
    }

    public Builder unique(boolean value) {
      unique = value;
      return this;
    }

    public Builder custom(boolean value) {
      custom = value;
      return this;
    }

    public Builder nameField() {
      nameField = true;
      return this;
    }

    public Builder references(String relationship, String... targets) {
      relationshipName = relationship;
      referenceTo = List.of(targets);
      return this;
    }

    public Builder picklist(boolean restrictedValues, String... values) {
      picklist = List.of(values);
      restricted = restrictedValues;
      return this;
    }

    public FieldDef build() {
      if (type == FieldType.BOOLEAN) {
        nillable = false;
        defaulted = true;
        if (defaultValue == null) {
          defaultValue = Boolean.FALSE;
        }
      }
      return new FieldDef(
          name,
          label,
          type,
          length,
          nillable,
          createable,
          updateable,
          defaulted,
          externalId,
          unique,
          custom,
          nameField,
          referenceTo,
          relationshipName,
          picklist,
          restricted,
          defaultValue);
    }

    private static int defaultLength(FieldType type) {
      return switch (type) {
        case ID, REFERENCE -> 18;
        case STRING, COMBOBOX, URL, EMAIL -> 255;
        case TEXTAREA -> 32000;
        case PICKLIST, PHONE -> 40;
        default -> 0;
      };
    }

    private static String labelOf(String name) {
      String base = name.endsWith("__c") ? name.substring(0, name.length() - 3) : name;
      if (base.endsWith("Id") && base.length() > 2) {
        base = base.substring(0, base.length() - 2) + " ID";
      }
      return base.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2");
    }
  }
}
