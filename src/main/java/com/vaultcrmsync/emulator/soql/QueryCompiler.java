package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.CompiledQuery.IndexProbe;
import com.vaultcrmsync.emulator.soql.SoqlSchema.ObjectInfo;
import com.vaultcrmsync.emulator.soql.parse.ParsedQuery;
import com.vaultcrmsync.emulator.soql.parse.ParsedQuery.OrderKey;
import com.vaultcrmsync.emulator.soql.parse.ParsedQuery.SelectItem;
import com.vaultcrmsync.emulator.soql.parse.SoqlException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a parsed statement into a {@link CompiledQuery}: resolves the object ({@code INVALID_TYPE})
 * and every field ({@code INVALID_FIELD}), compiles the WHERE clause, builds the ORDER BY
 * comparator and picks index probes from the WHERE clause's top-level conjuncts.
 */
final class QueryCompiler {
  /** Salesforce's maximum OFFSET. */
  static final int MAX_OFFSET = 2000;

  private final String soql;
  private final SoqlSchema schema;
  private final ParentRecords parents;
  private final LocalDate today;

  QueryCompiler(String soql, SoqlSchema schema, ParentRecords parents, LocalDate today) {
    this.soql = soql;
    this.schema = schema;
    this.parents = parents;
    this.today = today;
  }

  CompiledQuery compile(ParsedQuery query) throws SoqlException {
    ObjectInfo object =
        schema
            .object(query.from().dotted())
            .orElseThrow(
                () ->
                    SoqlException.at(
                        soql,
                        query.from().offset(),
                        "INVALID_TYPE",
                        "sObject type '"
                            + query.from().dotted()
                            + "' is not supported. If you are attempting to use a custom object,"
                            + " be sure to append the '__c' after the entity name. Please"
                            + " reference your WSDL or the describe call for the appropriate"
                            + " names."));
    FieldResolver resolver = new FieldResolver(soql, schema, object, query.alias());
    boolean count = query.select().stream().anyMatch(SelectItem::isCount);
    RowProjector projector = count ? null : projector(object, query.select(), resolver);
    if (count && query.select().size() > 1) {
      SelectItem other =
          query.select().stream().filter(item -> !item.isCount()).findFirst().orElseThrow();
      throw SoqlException.at(
          soql,
          other.offset(),
          "MALFORMED_QUERY",
          "Field must be grouped or aggregated: " + other.field().dotted());
    }
    PredicateCompiler predicates = new PredicateCompiler(soql, resolver, parents, today);
    var filter = query.where() == null ? null : predicates.compile(query.where());
    List<FieldPath> sortKeys = new ArrayList<>();
    Comparator<Object[]> order = null;
    for (OrderKey key : query.orderBy()) {
      FieldPath path = resolver.resolve(key.field());
      if (count) {
        throw SoqlException.at(
            soql,
            key.field().offset(),
            "MALFORMED_QUERY",
            "Ordered field must be grouped or aggregated: " + path.dotted());
      }
      Comparator<Object[]> next = keyOrder(sortKeys.size(), key);
      order = order == null ? next : order.thenComparing(next);
      sortKeys.add(path);
    }
    int offset = 0;
    if (query.offset() != null) {
      offset = query.offset().value();
      if (offset > MAX_OFFSET) {
        throw new SoqlException(
            "NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is " + MAX_OFFSET);
      }
    }
    List<IndexProbe> probes =
        query.where() == null ? List.of() : IndexProbes.from(query.where(), resolver);
    return new CompiledQuery(
        object.name(),
        count,
        projector,
        filter,
        probes,
        List.copyOf(sortKeys),
        order,
        query.limit(),
        offset);
  }

  private RowProjector projector(ObjectInfo object, List<SelectItem> items, FieldResolver resolver)
      throws SoqlException {
    List<FieldPath> paths = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SelectItem item : items) {
      if (item.isCount()) {
        continue;
      }
      FieldPath path = resolver.resolve(item.field());
      if (!seen.add(path.dotted().toLowerCase(Locale.ROOT))) {
        throw SoqlException.at(
            soql, item.offset(), "MALFORMED_QUERY", "duplicate field selected: " + path.dotted());
      }
      paths.add(path);
    }
    return new RowProjector(object.name(), paths, parents);
  }

  /** Salesforce's default: NULLS FIRST for ascending keys, NULLS LAST for descending ones. */
  private static Comparator<Object[]> keyOrder(int index, OrderKey key) {
    boolean descending = key.descending();
    boolean nullsFirst = key.nullsFirst() != null ? key.nullsFirst() : !descending;
    return (left, right) -> {
      @SuppressWarnings("unchecked")
      Comparable<Object> a = (Comparable<Object>) left[index];
      Object b = right[index];
      if (a == null || b == null) {
        if (a == b) {
          return 0;
        }
        return (a == null) == nullsFirst ? -1 : 1;
      }
      int result = a.compareTo(b);
      return descending ? -result : result;
    };
  }
}
