package com.vaultcrmsync.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.emulator.soql.parse.SoqlException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Proves, for random records and random filters, orders and pages, that the engine returns exactly
 * what a straightforward Java evaluation of SOQL's rules returns, and that any string, escaped as
 * Salesforce requires, matches only itself.
 */
class SoqlEngineProperties {
  private static final List<String> SUBJECTS =
      List.of("alpha", "Alpha", "ALPHA", "beta", "Beta b", "gamma%", "g_mma", "zeta");
  private static final LocalDate DAY0 = LocalDate.of(2025, 3, 1);

  /** One random Task: nullable subject, call duration and date; never-null IsClosed. */
  record Row(String subject, Integer duration, LocalDate date, boolean closed) {}

  /** A random filter: its SOQL text and the Java predicate that states SOQL's meaning. */
  record Filter(String soql, Predicate<Row> oracle) {
    @Override
    public String toString() {
      return soql;
    }
  }

  @Property(tries = 300)
  void filteredResultsEqualAJavaFilter(
      @ForAll("rows") List<Row> rows, @ForAll("filters") Filter filter) throws SoqlException {
    Fixture fixture = new Fixture(rows);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (filter.oracle().test(rows.get(i))) {
        expected.add(fixture.ids.get(i));
      }
    }
    SoqlResult result =
        fixture.engine.execute(
            "SELECT Id FROM Task WHERE " + filter.soql() + " ORDER BY Id", false);
    assertThat(result.rows().stream().map(row -> row.get("Id")).toList())
        .containsExactlyElementsOf(expected.stream().sorted().toList());
    assertThat(
            fixture
                .engine
                .execute("SELECT COUNT() FROM Task WHERE " + filter.soql(), false)
                .totalSize())
        .isEqualTo(expected.size());
  }

  @Property(tries = 200)
  void orderedPagesEqualAJavaSortAndSlice(
      @ForAll("rows") List<Row> rows,
      @ForAll("sortFields") String field,
      @ForAll boolean descending,
      @ForAll("nulls") String nulls,
      @ForAll @IntRange(min = 0, max = 30) int limit,
      @ForAll @IntRange(min = 0, max = 30) int offset)
      throws SoqlException {
    Fixture fixture = new Fixture(rows);
    boolean nullsFirst = nulls.isEmpty() ? !descending : nulls.equals(" NULLS FIRST");
    Comparator<Comparable<Object>> values = Comparator.naturalOrder();
    Comparator<Comparable<Object>> direction = descending ? values.reversed() : values;
    Comparator<Comparable<Object>> withNulls =
        nullsFirst ? Comparator.nullsFirst(direction) : Comparator.nullsLast(direction);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparing((Integer i) -> sortKey(field, rows.get(i)), withNulls)
            .thenComparing(i -> fixture.ids.get(i)));
    List<String> expected =
        order.stream().map(fixture.ids::get).skip(offset).limit(limit).collect(Collectors.toList());
    String soql =
        "SELECT Id FROM Task ORDER BY "
            + field
            + (descending ? " DESC" : " ASC")
            + nulls
            + ", Id LIMIT "
            + limit
            + " OFFSET "
            + offset;
    SoqlResult result = fixture.engine.execute(soql, false);
    assertThat(result.rows().stream().map(row -> row.get("Id")).toList())
        .containsExactlyElementsOf(expected);
    assertThat(result.totalSize()).isEqualTo(expected.size());
  }

  @Property(tries = 300)
  void anyEscapedStringMatchesOnlyItself(
      @ForAll("rows") List<Row> rows, @ForAll @Size(max = 12) String text) throws SoqlException {
    List<Row> withText = new ArrayList<>(rows);
    withText.add(new Row(text.isEmpty() ? null : text, null, null, false));
    Fixture fixture = new Fixture(withText);
    String escaped = text.replace("\\", "\\\\").replace("'", "\\'");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < withText.size(); i++) {
      String subject = withText.get(i).subject();
      boolean match =
          text.isEmpty() ? subject == null : subject != null && fold(subject).equals(fold(text));
      if (match) {
        expected.add(fixture.ids.get(i));
      }
    }
    SoqlResult result =
        fixture.engine.execute(
            "SELECT Id FROM Task WHERE Subject = '" + escaped + "' ORDER BY Id", false);
    assertThat(result.rows().stream().map(row -> row.get("Id")).toList())
        .containsExactlyElementsOf(expected.stream().sorted().toList());
    String likeEscaped = escaped.replace("%", "\\%").replace("_", "\\_");
    SoqlResult like =
        fixture.engine.execute(
            "SELECT Id FROM Task WHERE Subject LIKE '" + likeEscaped + "' ORDER BY Id", false);
    if (!text.isEmpty()) {
      assertThat(like.rows().stream().map(row -> row.get("Id")).toList())
          .containsAll(expected)
          .allMatch(id -> expected.contains(id) || differsOnlyInUnicodeCase(fixture, id, text));
    }
  }

  private static boolean differsOnlyInUnicodeCase(Fixture fixture, Object id, String text) {
    String subject = fixture.subjectOf((String) id);
    return subject != null && subject.equalsIgnoreCase(text);
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<String> subject = Arbitraries.of(SUBJECTS).injectNull(0.2);
    Arbitrary<Integer> duration = Arbitraries.integers().between(-3, 3).injectNull(0.2);
    Arbitrary<LocalDate> date =
        Arbitraries.integers().between(0, 5).map(DAY0::plusDays).injectNull(0.2);
    return Combinators.combine(subject, duration, date, Arbitraries.of(true, false))
        .as(Row::new)
        .list()
        .ofMaxSize(25);
  }

  @Provide
  Arbitrary<Filter> filters() {
    return Arbitraries.lazyOf(this::simpleFilter, this::simpleFilter, this::compoundFilter);
  }

  @Provide
  Arbitrary<String> sortFields() {
    return Arbitraries.of("Subject", "CallDurationInSeconds", "ActivityDate", "IsClosed");
  }

  @Provide
  Arbitrary<String> nulls() {
    return Arbitraries.of("", " NULLS FIRST", " NULLS LAST");
  }

  private Arbitrary<Filter> compoundFilter() {
    Arbitrary<List<Filter>> parts = filters().list().ofMinSize(2).ofMaxSize(3);
    Arbitrary<String> connective = Arbitraries.of("AND", "OR", "NOT");
    return Combinators.combine(parts, connective)
        .as(
            (list, word) -> {
              if (word.equals("NOT")) {
                Filter inner = list.get(0);
                return new Filter("NOT (" + inner.soql() + ")", inner.oracle().negate());
              }
              String soql =
                  list.stream()
                      .map(f -> "(" + f.soql() + ")")
                      .collect(Collectors.joining(" " + word + " "));
              Predicate<Row> oracle = list.get(0).oracle();
              for (Filter f : list.subList(1, list.size())) {
                oracle = word.equals("AND") ? oracle.and(f.oracle()) : oracle.or(f.oracle());
              }
              return new Filter(soql, oracle);
            });
  }

  private Arbitrary<Filter> simpleFilter() {
    Arbitrary<String> ops = Arbitraries.of("=", "!=", "<", "<=", ">", ">=");
    Arbitrary<String> texts = Arbitraries.of(SUBJECTS).injectNull(0.15);
    Arbitrary<Integer> ints = Arbitraries.integers().between(-4, 4).injectNull(0.15);
    Arbitrary<LocalDate> dates =
        Arbitraries.integers().between(-1, 6).map(DAY0::plusDays).injectNull(0.15);
    Arbitrary<Filter> text =
        Combinators.combine(ops, texts)
            .as((op, v) -> compare("Subject", op, v, Row::subject, quote(v)));
    Arbitrary<Filter> number =
        Combinators.combine(ops, ints)
            .as(
                (op, v) ->
                    compare("CallDurationInSeconds", op, v, Row::duration, String.valueOf(v)));
    Arbitrary<Filter> date =
        Combinators.combine(ops, dates)
            .as((op, v) -> compare("ActivityDate", op, v, Row::date, String.valueOf(v)));
    Arbitrary<Filter> bool =
        Combinators.combine(Arbitraries.of("=", "!="), Arbitraries.of(true, false))
            .as(
                (op, v) ->
                    new Filter(
                        "IsClosed " + op + " " + v, row -> (row.closed() == v) == op.equals("=")));
    Arbitrary<Filter> in =
        Combinators.combine(
                Arbitraries.of(SUBJECTS).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(true, false))
            .as(
                (values, negated) -> {
                  String list =
                      values.stream()
                          .map(SoqlEngineProperties::quote)
                          .collect(Collectors.joining(", "));
                  Predicate<Row> member =
                      row ->
                          row.subject() != null
                              && values.stream().anyMatch(v -> fold(v).equals(fold(row.subject())));
                  return new Filter(
                      "Subject " + (negated ? "NOT IN" : "IN") + " (" + list + ")",
                      negated ? member.negate() : member);
                });
    Arbitrary<Filter> like =
        Arbitraries.strings()
            .withChars("aAbBgm%_ ")
            .ofMaxLength(6)
            .map(
                pattern ->
                    new Filter(
                        "Subject LIKE " + quote(pattern),
                        row -> row.subject() != null && like(row.subject(), pattern)));
    return Arbitraries.oneOf(text, number, date, bool, in, like);
  }

  private static <T extends Comparable<T>> Filter compare(
      String field, String op, T literal, Function<Row, T> getter, String text) {
    String soql = field + " " + op + " " + (literal == null ? "null" : text);
    if (literal == null && !op.equals("=") && !op.equals("!=")) {
      return new Filter(field + " = null", row -> getter.apply(row) == null);
    }
    Predicate<Row> oracle =
        row -> {
          T value = getter.apply(row);
          if (literal == null) {
            return (value == null) == op.equals("=");
          }
          if (value == null) {
            return op.equals("!=");
          }
          int order =
              value instanceof String s
                  ? fold(s).compareTo(fold((String) literal))
                  : value.compareTo(literal);
          return switch (op) {
            case "=" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
          };
        };
    return new Filter(soql, oracle);
  }

  /** SOQL LIKE, written independently of the engine: % any run, _ one character, no case. */
  private static boolean like(String value, String pattern) {
    return like(fold(value), 0, fold(pattern), 0);
  }

  private static boolean like(String value, int v, String pattern, int p) {
    if (p == pattern.length()) {
      return v == value.length();
    }
    char c = pattern.charAt(p);
    if (c == '%') {
      for (int skip = v; skip <= value.length(); skip++) {
        if (like(value, skip, pattern, p + 1)) {
          return true;
        }
      }
      return false;
    }
    return v < value.length()
        && (c == '_' || c == value.charAt(v))
        && like(value, v + 1, pattern, p + 1);
  }

  private static String quote(String text) {
    return text == null ? "null" : "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> sortKey(String field, Row row) {
    Object key =
        switch (field) {
          case "Subject" -> row.subject() == null ? null : fold(row.subject());
          case "CallDurationInSeconds" -> row.duration();
          case "ActivityDate" -> row.date();
          default -> row.closed();
        };
    return (Comparable<Object>) key;
  }

  /** The rows loaded into a fresh test org, with their ids in row order. */
  private static final class Fixture {
    final TestOrg org = new TestOrg();
    final List<String> ids = new ArrayList<>();
    final SoqlEngine engine =
        new SoqlEngine(
            org, org, Clock.fixed(Instant.parse("2025-03-03T12:00:00Z"), ZoneOffset.UTC));

    Fixture(List<Row> rows) {
      for (Row row : rows) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("Subject", row.subject());
        fields.put("CallDurationInSeconds", row.duration());
        fields.put("ActivityDate", row.date());
        fields.put("IsClosed", row.closed());
        ids.add(org.add("Task", fields));
      }
    }

    String subjectOf(String id) {
      return (String) org.byId(id).orElseThrow().get("Subject");
    }
  }
}
