package com.vaultcrmsync.emulator.soql;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A query checked against the schema and compiled once: what to read, how to filter, sort and page,
 * and which index lookups may replace a full scan.
 *
 * @param objectName canonical object name
 * @param count whether this is {@code SELECT COUNT()}
 * @param projector builds rows (null for a count)
 * @param filter the WHERE predicate, or null
 * @param probes index lookups that return a superset of the matches, best first
 * @param sortKeys the ORDER BY paths (may be empty)
 * @param order compares the sort-key arrays built from {@code sortKeys}, or null
 * @param limit the LIMIT, or null
 * @param offset the OFFSET (0 when absent)
 */
record CompiledQuery(
    String objectName,
    boolean count,
    RowProjector projector,
    Predicate<Map<String, Object>> filter,
    List<IndexProbe> probes,
    List<FieldPath> sortKeys,
    Comparator<Object[]> order,
    Integer limit,
    int offset) {

  /** {@code field = one of values}, a condition every match satisfies; ids are 18 characters. */
  record IndexProbe(String field, boolean idField, List<Object> values) {}
}
