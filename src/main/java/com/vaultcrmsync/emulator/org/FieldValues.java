package com.vaultcrmsync.emulator.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Converts a JSON member to the Java type a field holds (see {@code SoqlSchema.FieldType}). A value
 * JSON cannot map to the field's type fails the whole request with {@code JSON_PARSER_ERROR}, as
 * Salesforce's deserializer does; a number that does not fit fails the record with {@code
 * INVALID_TYPE_ON_FIELD_IN_RECORD}.
 */
final class FieldValues {

  private FieldValues() {}

  /** A value that parsed but does not fit the field: a record-level error. */
  static final class Misfit extends Exception {
    final transient ApiError error;

    Misfit(ApiError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }

  static Object convert(FieldDef f, JsonNode v, String where) throws ApiException, Misfit {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isObject() || v.isArray()) {
      throw mismatch(f, v, where);
    }
    switch (f.type()) {
      case BOOLEAN -> {
        if (v.isBoolean()) {
          return v.booleanValue();
        }
        String text = v.asText().toLowerCase(Locale.ROOT);
        if (v.isTextual() && (text.equals("true") || text.equals("false"))) {
          return Boolean.valueOf(text);
        }
        throw mismatch(f, v, where);
      }
      case INT -> {
        BigDecimal number = number(f, v, where);
        try {
          return number.intValueExact();
        } catch (ArithmeticException e) {
          throw new Misfit(
              ApiError.of(
                  "INVALID_TYPE_ON_FIELD_IN_RECORD",
                  f.label() + ": value not of required type: " + number.toPlainString(),
                  List.of(f.name())));
        }
      }
      case DOUBLE, CURRENCY, PERCENT -> {
        return number(f, v, where).doubleValue();
      }
      case DATE -> {
        LocalDate date = v.isTextual() ? WireFormat.parseDate(v.textValue()) : null;
        if (date == null) {
          throw mismatch(f, v, where);
        }
        return date;
      }
      case DATETIME -> {
        Instant instant = v.isTextual() ? WireFormat.parseDatetime(v.textValue()) : null;
        if (instant == null) {
          throw mismatch(f, v, where);
        }
        return instant;
      }
      default -> {
        if (v.isNumber()) {
          return v.decimalValue().toPlainString();
        }
        return v.asText();
      }
    }
  }

  private static BigDecimal number(FieldDef f, JsonNode v, String where) throws ApiException {
    if (v.isNumber()) {
      return v.decimalValue();
    }
    if (v.isTextual()) {
      try {
        return new BigDecimal(v.textValue().trim());
      } catch (NumberFormatException e) {
        throw mismatch(f, v, where);
      }
    }
    throw mismatch(f, v, where);
  }

  private static ApiException mismatch(FieldDef f, JsonNode v, String where) {
    return ApiException.badRequest(
        "JSON_PARSER_ERROR",
        "Cannot deserialize instance of "
            + javaType(f)
            + " from "
            + token(v)
            + " value "
            + shown(v)
            + " or request may be missing a required field at "
            + where);
  }

  private static String javaType(FieldDef f) {
    return switch (f.type()) {
      case BOOLEAN -> "boolean";
      case INT -> "int";
      case DOUBLE, CURRENCY, PERCENT -> "double";
      case DATE -> "date";
      case DATETIME -> "datetime";
      case ID, REFERENCE -> "reference";
      default -> "string";
    };
  }

  private static String token(JsonNode v) {
    JsonNodeType type = v.getNodeType();
    return switch (type) {
      case OBJECT -> "START_OBJECT";
      case ARRAY -> "START_ARRAY";
      case BOOLEAN -> v.booleanValue() ? "VALUE_TRUE" : "VALUE_FALSE";
      case NUMBER -> v.decimalValue().scale() > 0 ? "VALUE_NUMBER_FLOAT" : "VALUE_NUMBER_INT";
      default -> "VALUE_STRING";
    };
  }

  private static String shown(JsonNode v) {
    if (v.isObject()) {
      return "{";
    }
    if (v.isArray()) {
      return "[";
    }
    return v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
  }
}
