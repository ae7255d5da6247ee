package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.parse.Condition;
import com.vaultcrmsync.emulator.soql.parse.Literal;
import com.vaultcrmsync.emulator.soql.parse.SoqlException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compiles a WHERE clause once into a predicate over records, checking every literal against its
 * field's type as Salesforce does ({@code INVALID_FIELD} "value of filter criterion for field …
 * must be of type …"). Semantics: text compares case-insensitively and an empty string is no value;
 * ids compare exactly after 15-to-18 conversion; a date literal filters only date fields and a
 * datetime literal only datetime fields; relative date literals are day ranges; a null field fails
 * {@code =, <, <=, >, >=, LIKE, IN} and passes {@code !=} and {@code NOT IN} (SOQL has no
 * three-valued logic); on a checkbox {@code null} means {@code false}, as Salesforce documents.
 */
final class PredicateCompiler {
  private final String soql;
  private final FieldResolver resolver;
  private final ParentRecords parents;
  private final LiteralTyping literals;

  PredicateCompiler(String soql, FieldResolver resolver, ParentRecords parents, LocalDate today) {
    this.soql = soql;
    this.resolver = resolver;
    this.parents = parents;
    this.literals = new LiteralTyping(soql, today);
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
      Predicate<Object> any = membership(path, in.values());
      return onValue(path, in.negated() ? any.negate() : any);
    }
    Condition.Like like = (Condition.Like) condition;
    FieldPath path = resolver.resolve(like.field());
    return onValue(path, like(path, like.pattern()));
  }

  /** A test of "value equals one of the literals"; a hash lookup when all are non-empty text. */
  private Predicate<Object> membership(FieldPath path, List<Literal> values) throws SoqlException {
    List<Predicate<Object>> options = new ArrayList<>();
    Set<Object> keys = new HashSet<>();
    boolean hashable = path.kind() == ValueKind.TEXT || path.kind() == ValueKind.ID;
    for (Literal literal : values) {
      options.add(equality(path, literal));
      hashable &= literal instanceof Literal.Text text && !text.value().isEmpty();
      if (hashable) {
        keys.add(literals.typed(path, literal));
      }
    }
    if (hashable && path.kind() == ValueKind.TEXT) {
      return value -> value != null && keys.contains(ValueOrder.fold((String) value));
    }
    if (hashable) {
      return value -> value != null && keys.contains(ValueOrder.normalizeId((String) value));
    }
    return value -> {
      for (Predicate<Object> option : options) {
        if (option.test(value)) {
          return true;
        }
      }
      return false;
    };
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
    if (literal instanceof Literal.Relative relative && LiteralTyping.isTemporal(kind)) {
      return rangeComparison(path, op, relative);
    }
    Comparable<Object> bound = literals.typed(path, literal);
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
    LiteralTyping.Bounds range = literals.range(path.kind(), relative);
    Comparable<Object> start = range.start();
    Comparable<Object> end = range.end();
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
    ValueKind kind = path.kind();
    if (kind == ValueKind.BOOLEAN) {
      // Salesforce: on a checkbox, null means false ("= null" is "= false").
      boolean expected =
          !(literal instanceof Literal.Null) && Boolean.TRUE.equals(literals.typed(path, literal));
      return value -> Boolean.TRUE.equals(value) == expected;
    }
    if (literal instanceof Literal.Null) {
      return value -> value == null;
    }
    if (literal instanceof Literal.Relative relative && LiteralTyping.isTemporal(kind)) {
      LiteralTyping.Bounds range = literals.range(kind, relative);
      return value -> value != null && range.contains(value);
    }
    Object expected = literals.typed(path, literal);
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
      throw literals.mismatch(path, literal);
    }
    Predicate<String> pattern = LikePatterns.compile(text.value(), text.wildcards());
    return value -> value != null && pattern.test((String) value);
  }
}
