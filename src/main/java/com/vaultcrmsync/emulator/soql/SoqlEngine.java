package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.parse.ParsedQuery;
import com.vaultcrmsync.emulator.soql.parse.SoqlException;
import com.vaultcrmsync.emulator.soql.parse.SoqlParser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Answers SOQL queries over a {@link SoqlRecordSource} as Salesforce's {@code query} and {@code
 * queryAll} do, for the subset the emulator supports: select lists of fields, parent relationship
 * paths ({@code What.Name}, {@code Account.Owner.Name}) and {@code COUNT()}; {@code FROM} one
 * object with an optional alias; {@code WHERE} with {@code AND}/{@code OR}/{@code NOT},
 * parentheses, {@code = != <> < <= > >=}, {@code LIKE}, {@code [NOT] IN}, string, number, boolean,
 * null, date, datetime and relative date literals; {@code ORDER BY} with {@code ASC}/{@code DESC}
 * and {@code NULLS FIRST}/{@code LAST}; {@code LIMIT}; {@code OFFSET} (at most 2000). Anything else
 * is rejected with a {@link SoqlException} carrying Salesforce's error code and message.
 *
 * <p>Relative date literals use the {@link Clock}'s current day in UTC. When the WHERE clause's top
 * level requires {@code field = 'x'} or {@code field IN (…)} on an id or text field, the engine
 * asks {@link SoqlRecordSource#lookup} first and scans only when that field has no index.
 * Thread-safe: an engine holds no per-query state.
 *
 * <p>Rows are {@link SoqlRecord}s; see {@link SoqlResult} for their shape. {@link #execute} builds
 * every row; {@link #open} sorts the matching records and builds rows a page at a time, so the
 * first page of a large result costs a sort of references, not a projection of every row.
 */
public final class SoqlEngine {
  private final SoqlSchema schema;
  private final SoqlRecordSource source;
  private final Clock clock;
  private final ParentRecords parents;

  public SoqlEngine(SoqlSchema schema, SoqlRecordSource source, Clock clock) {
    this.schema = schema;
    this.source = source;
    this.clock = clock;
    this.parents = new ParentRecords(schema, source);
  }

  /**
   * Runs one query.
   *
   * @param soql the statement, already URL-decoded
   * @param includeDeleted true for {@code queryAll} (records with {@code IsDeleted = true} kept),
   *     false for {@code query}
   * @return every row of the result (the server pages it)
   * @throws SoqlException for a statement Salesforce would reject, with its error code; {@code
   *     UNKNOWN_EXCEPTION} (Salesforce answers it with HTTP 500) when evaluation failed because a
   *     record broke the {@link SoqlRecordSource} contract
   */
  public SoqlResult execute(String soql, boolean includeDeleted) throws SoqlException {
    return open(soql, includeDeleted).all();
  }

  /**
   * Runs one query but builds its rows only when asked: finds, filters, sorts and windows the
   * matching records now, and projects a page of rows at a time through {@link SoqlPages#rows}.
   * Gives the same rows, in the same order, as {@link #execute}.
   *
   * @throws SoqlException as {@link #execute} does
   */
  public SoqlPages open(String soql, boolean includeDeleted) throws SoqlException {
    try {
      return run(soql, includeDeleted);
    } catch (RuntimeException e) {
      throw unexpected(e);
    }
  }

  /**
   * A record holding a value of the wrong Java type, or a bug here: Salesforce's internal error.
   */
  static SoqlException unexpected(RuntimeException e) {
    return new SoqlException(
        "UNKNOWN_EXCEPTION", "An unexpected error occurred while running the query: " + e, e);
  }

  private SoqlPages run(String soql, boolean includeDeleted) throws SoqlException {
    ParsedQuery parsed = SoqlParser.parse(soql);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    CompiledQuery query = new QueryCompiler(soql, schema, parents, today).compile(parsed);
    List<Map<String, Object>> matches = matches(query, includeDeleted);
    if (query.count()) {
      return SoqlPages.count(window(matches.size(), query), query.objectName());
    }
    if (query.order() != null) {
      matches = sorted(matches, query);
    }
    int from = Math.min(query.offset(), matches.size());
    int to = from + window(matches.size(), query);
    List<Map<String, Object>> kept =
        from == 0 && to == matches.size() ? matches : new ArrayList<>(matches.subList(from, to));
    return SoqlPages.rows(kept, query.projector(), query.objectName());
  }

  /** How many rows OFFSET and LIMIT leave of {@code matched}. */
  private static int window(int matched, CompiledQuery query) {
    int afterOffset = Math.max(0, matched - query.offset());
    return query.limit() == null ? afterOffset : Math.min(afterOffset, query.limit());
  }

  private List<Map<String, Object>> matches(CompiledQuery query, boolean includeDeleted) {
    Predicate<Map<String, Object>> keep = includeDeleted ? record -> true : SoqlEngine::isLive;
    if (query.filter() != null) {
      keep = keep.and(query.filter());
    }
    List<Map<String, Object>> result = new ArrayList<>();
    try (Stream<Map<String, Object>> candidates = candidates(query)) {
      candidates.filter(keep).forEach(result::add);
    }
    return result;
  }

  private Stream<Map<String, Object>> candidates(CompiledQuery query) {
    for (CompiledQuery.IndexProbe probe : query.probes()) {
      Optional<Collection<Map<String, Object>>> indexed =
          source.lookup(query.objectName(), probe.field(), probe.values());
      if (indexed.isPresent()) {
        return indexed.get().stream();
      }
    }
    return source.scan(query.objectName());
  }

  private static boolean isLive(Map<String, Object> record) {
    return !Boolean.TRUE.equals(record.get("IsDeleted"));
  }

  /** Sorts by keys extracted once per record, with a comparator built once per query. */
  private List<Map<String, Object>> sorted(List<Map<String, Object>> records, CompiledQuery query) {
    List<FieldPath> keys = query.sortKeys();
    List<Object[]> decorated = new ArrayList<>(records.size());
    for (Map<String, Object> record : records) {
      Object[] row = new Object[keys.size() + 1];
      for (int i = 0; i < keys.size(); i++) {
        FieldPath path = keys.get(i);
        Object value =
            path.isDirect() ? record.get(path.field().name()) : path.read(record, parents);
        row[i] = ValueOrder.key(path.kind(), value);
      }
      row[keys.size()] = record;
      decorated.add(row);
    }
    decorated.sort(query.order());
    List<Map<String, Object>> result = new ArrayList<>(decorated.size());
    for (Object[] row : decorated) {
      @SuppressWarnings("unchecked")
      Map<String, Object> record = (Map<String, Object>) row[keys.size()];
      result.add(record);
    }
    return result;
  }
}
