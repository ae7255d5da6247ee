package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType;

/** How SOQL compares and sorts a field's values, by the field's type. */
enum ValueKind {
  /** Text: compared and sorted case-insensitively; an empty string is no value. */
  TEXT("string"),
  /** Ids and references: exact, 15- or 18-character literals. */
  ID("string"),
  BOOLEAN("boolean"),
  NUMBER("double"),
  DATE("date"),
  DATETIME("dateTime");

  /** The type name Salesforce uses in "must be of type …" messages. */
  final String soqlType;

  ValueKind(String soqlType) {
    this.soqlType = soqlType;
  }

  static ValueKind of(FieldType type) {
    return switch (type) {
      case ID, REFERENCE -> ID;
      case BOOLEAN -> BOOLEAN;
      case INT, DOUBLE, CURRENCY, PERCENT -> NUMBER;
      case DATE -> DATE;
      case DATETIME -> DATETIME;
      default -> TEXT;
    };
  }
}
