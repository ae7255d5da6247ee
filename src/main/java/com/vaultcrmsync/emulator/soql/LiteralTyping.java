package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.parse.Literal;
import com.vaultcrmsync.emulator.soql.parse.RelativeDates;
import com.vaultcrmsync.emulator.soql.parse.SoqlException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Checks a WHERE literal against its field's type as Salesforce does and turns it into a value
 * comparable with the field's sort keys: folded text, an 18-character id, a boolean, a double, a
 * date, an instant, or — for relative date literals — a range of dates or instants (UTC days).
 */
final class LiteralTyping {
  private final String soql;
  private final LocalDate today;

  /** A half-open range {@code [start, end)} of dates or instants. */
  record Bounds(Comparable<Object> start, Comparable<Object> end) {
    boolean contains(Object value) {
      return start.compareTo(value) <= 0 && end.compareTo(value) > 0;
    }
  }

  LiteralTyping(String soql, LocalDate today) {
    this.soql = soql;
    this.today = today;
  }

  /** The literal as a value comparable with the field's values, or INVALID_FIELD. */
  Comparable<Object> typed(FieldPath path, Literal literal) throws SoqlException {
    ValueKind kind = path.kind();
    Object value =
        switch (kind) {
          case TEXT -> literal instanceof Literal.Text t ? ValueOrder.fold(t.value()) : null;
          case ID -> literal instanceof Literal.Text t ? id(t) : null;
          case BOOLEAN -> literal instanceof Literal.Bool b ? b.value() : null;
          case NUMBER -> literal instanceof Literal.Number n ? n.value().doubleValue() : null;
          case DATE -> literal instanceof Literal.Date d ? d.value() : null;
          case DATETIME -> literal instanceof Literal.DateTime d ? d.value() : null;
        };
    if (value == null) {
      throw mismatch(path, literal);
    }
    return comparable(value);
  }

  private String id(Literal.Text text) throws SoqlException {
    if (text.value().isEmpty()) {
      return "";
    }
    if (!SalesforceIds.isWellFormed(text.value())) {
      throw SoqlException.at(
          soql,
          text.offset(),
          "INVALID_QUERY_FILTER_OPERATOR",
          "invalid ID field: " + text.value());
    }
    return SalesforceIds.to18(text.value());
  }

  /** The half-open range a relative date literal denotes for a date or datetime field. */
  Bounds range(ValueKind kind, Literal.Relative relative) {
    RelativeDates.Range days = RelativeDates.range(relative.name(), relative.n(), today);
    if (kind == ValueKind.DATE) {
      return new Bounds(comparable(days.start()), comparable(days.end()));
    }
    Instant start = days.start().atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = days.end().atStartOfDay().toInstant(ZoneOffset.UTC);
    return new Bounds(comparable(start), comparable(end));
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> comparable(Object value) {
    return (Comparable<Object>) value;
  }

  static boolean isTemporal(ValueKind kind) {
    return kind == ValueKind.DATE || kind == ValueKind.DATETIME;
  }

  SoqlException mismatch(FieldPath path, Literal literal) {
    String quoting =
        path.kind() == ValueKind.TEXT || path.kind() == ValueKind.ID
            ? "should be enclosed in quotes"
            : "should not be enclosed in quotes";
    String type =
        path.kind() == ValueKind.NUMBER && path.field().type() == SoqlSchema.FieldType.INT
            ? "int"
            : path.kind().soqlType;
    return SoqlException.at(
        soql,
        literal.offset(),
        "INVALID_FIELD",
        "value of filter criterion for field '"
            + path.dotted()
            + "' must be of type "
            + type
            + " and "
            + quoting);
  }
}
