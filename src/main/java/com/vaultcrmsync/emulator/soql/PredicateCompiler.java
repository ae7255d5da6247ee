package com.vaultcrmsync.emulator.soql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Compiles a WHERE clause once into a predicate over records, checking every literal against its
 * field's type as Salesforce does ({@code INVALID_FIELD} "value of filter criterion for field …
 * must be of type …"). Semantics: text compares case-insensitively and an empty string is no value;
 * ids compare exactly after 15-to-18 conversion; a date literal filters only date fields and a
 * datetime literal only datetime fields; relative date literals are day ranges; a null field fails
 * {@code =, <, <=, >, >=, LIKE, IN} and passes {@code !=} and {@code NOT IN} (SOQL has no
 * three-valued logic).
 */
final class PredicateCompiler {
  private final String soql;
  private final FieldResolver resolver;
  private final ParentRecords parents;
  private final LocalDate today;

  PredicateCompiler(String soql, FieldResolver resolver, ParentRecords parents, LocalDate today) {
    this.soql = soql;
    this.resolver = resolver;
    this.parents = parents;
    this.today = today;
  }

  Predicate<Map<String, Object>> compile(Condition condition) throws SoqlException {
    if (condition instanceof Condition.And and) {
      List<Predicate<Map<String, Object>>> parts = compileAll(and.parts());
      return record -> {
        for (Predicate<Map<String, Object>> part : parts) {
          if (!part.test(record)) {
            return false;
          }
        }
        return true;
      };
    }
    if (condition instanceof Condition.Or or) {
      List<Predicate<Map<String, Object>>> parts = compileAll(or.parts());
      return record -> {
        for (Predicate<Map<String, Object>> part : parts) {
          if (part.test(record)) {
            return true;
          }
        }
        return false;
      };
    }
    if (condition instanceof Condition.Not not) {
      return compile(not.part()).negate();
    }
    if (condition instanceof Condition.Compare compare) {
      FieldPath path = resolver.resolve(compare.field());
      return onValue(path, comparison(path, compare.op(), compare.value(), compare.opOffset()));
    }
    if (condition instanceof Condition.In in) {
      FieldPath path = resolver.resolve(in.field());
      List<Predicate<Object>> options = new ArrayList<>();
      for (Literal literal : in.values()) {
        options.add(equality(path, literal));
      }
      Predicate<Object> any =
          value -> {
            for (Predicate<Object> option : options) {
              if (option.test(value)) {
                return true;
              }
            }
            return false;
          };
      return onValue(path, in.negated() ? any.negate() : any);
    }
    Condition.Like like = (Condition.Like) condition;
    FieldPath path = resolver.resolve(like.field());
    return onValue(path, like(path, like.pattern()));
  }

  private List<Predicate<Map<String, Object>>> compileAll(List<Condition> conditions)
      throws SoqlException {
    List<Predicate<Map<String, Object>>> compiled = new ArrayList<>();
    for (Condition condition : conditions) {
      compiled.add(compile(condition));
    }
    return compiled;
  }

  private Predicate<Map<String, Object>> onValue(FieldPath path, Predicate<Object> test) {
    if (path.isDirect()) {
      String name = path.field().name();
      return record -> test.test(record.get(name));
    }
    return record -> test.test(path.read(record, parents));
  }

  private Predicate<Object> comparison(FieldPath path, String op, Literal literal, int opOffset)
      throws SoqlException {
    if (op.equals("=")) {
      return equality(path, literal);
    }
    if (op.equals("!=")) {
      return equality(path, literal).negate();
    }
    if (literal instanceof Literal.Null) {
      throw SoqlException.at(
          soql, opOffset, "MALFORMED_QUERY", "invalid operator '" + op + "' for a null value");
    }
    ValueKind kind = path.kind();
    if (kind == ValueKind.BOOLEAN) {
      throw SoqlException.at(
          soql,
          opOffset,
          "INVALID_FIELD",
          "invalid operator '" + op + "' on boolean field '" + path.dotted() + "'");
    }
    if (literal instanceof Literal.Relative relative && isTemporal(kind)) {
      return rangeComparison(path, op, relative);
    }
    Comparable<Object> bound = typed(path, literal);
    return value -> {
      if (value == null) {
        return false;
      }
      int order = ValueOrder.compare(kind, value, bound);
      return switch (op) {
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        case ">" -> order > 0;
        default -> order >= 0;
      };
    };
  }

  private Predicate<Object> rangeComparison(FieldPath path, String op, Literal.Relative relative) {
    Comparable<Object>[] range = range(path.kind(), relative);
    Comparable<Object> start = range[0];
    Comparable<Object> end = range[1];
    return value -> {
      if (value == null) {
        return false;
      }
      return switch (op) {
        case "<" -> start.compareTo(value) > 0;
        case "<=" -> end.compareTo(value) > 0;
        case ">" -> end.compareTo(value) <= 0;
        default -> start.compareTo(value) <= 0;
      };
    };
  }

  /** A test of "value equals literal" (null literal: value is null). */
  private Predicate<Object> equality(FieldPath path, Literal literal) throws SoqlException {
    if (literal instanceof Literal.Null) {
      return value -> value == null;
    }
    ValueKind kind = path.kind();
    if (literal instanceof Literal.Relative relative && isTemporal(kind)) {
      Comparable<Object>[] range = range(kind, relative);
      return value ->
          value != null && range[0].compareTo(value) <= 0 && range[1].compareTo(value) > 0;
    }
    Object expected = typed(path, literal);
    if (kind == ValueKind.TEXT) {
      String folded = (String) expected;
      if (folded.isEmpty()) {
        return value -> value == null || ((String) value).isEmpty();
      }
      return value -> value != null && ValueOrder.fold((String) value).equals(folded);
    }
    if (kind == ValueKind.ID) {
      String id = (String) expected;
      if (id.isEmpty()) {
        return value -> value == null;
      }
      return value -> value != null && id.equals(ValueOrder.normalizeId((String) value));
    }
    return value -> value != null && ValueOrder.compare(kind, value, expected) == 0;
  }

  private Predicate<Object> like(FieldPath path, Literal literal) throws SoqlException {
    ValueKind kind = path.kind();
    if (kind != ValueKind.TEXT && kind != ValueKind.ID) {
      throw SoqlException.at(
          soql,
          literal.offset(),
          "INVALID_FIELD",
          "invalid operator on field '" + path.dotted() + "': LIKE is valid only on text fields");
    }
    if (!(literal instanceof Literal.Text text)) {
      throw mismatch(path, literal);
    }
    Pattern pattern = likePattern(text.value(), text.wildcards());
    return value -> value != null && pattern.matcher((String) value).matches();
  }

  private static Pattern likePattern(String value, BitSet wildcards) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (wildcards != null && wildcards.get(i)) {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(
        regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  /** The literal as a value comparable with the field's values, or INVALID_FIELD. */
  @SuppressWarnings("unchecked")
  private Comparable<Object> typed(FieldPath path, Literal literal) throws SoqlException {
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
    return (Comparable<Object>) value;
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

  @SuppressWarnings("unchecked")
  private Comparable<Object>[] range(ValueKind kind, Literal.Relative relative) {
    RelativeDates.Range days = RelativeDates.range(relative.name(), relative.n(), today);
    if (kind == ValueKind.DATE) {
      return new Comparable[] {days.start(), days.end()};
    }
    Instant start = days.start().atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = days.end().atStartOfDay().toInstant(ZoneOffset.UTC);
    return new Comparable[] {start, end};
  }

  private static boolean isTemporal(ValueKind kind) {
    return kind == ValueKind.DATE || kind == ValueKind.DATETIME;
  }

  private SoqlException mismatch(FieldPath path, Literal literal) {
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
