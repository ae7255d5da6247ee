package com.vaultcrmsync.emulator.soql;

import java.util.List;
import java.util.Map;

/**
 * The answer to one SOQL query.
 *
 * <p>Each row is a {@link SoqlRecord} (a {@code LinkedHashMap}) in select-list order, keyed by
 * canonical field names, with values typed as {@link SoqlSchema.FieldType} says ({@code String},
 * {@code Boolean}, {@code Integer}, {@code Double}, {@code LocalDate}, {@code Instant}, or null). A
 * parent relationship path ({@code What.Name}, {@code Account.Owner.Name}) gives an entry keyed by
 * the canonical relationship name whose value is a nested {@link SoqlRecord} — its {@link
 * SoqlRecord#objectName()} is the concrete parent type ({@code Account}, {@code User}, …) — or null
 * when the reference is empty.
 *
 * @param totalSize rows matched after OFFSET and LIMIT, as Salesforce reports it; for {@code
 *     COUNT()} the count
 * @param rows the rows in result order; empty for {@code COUNT()}
 * @param objectName canonical name of the queried object
 * @param countQuery whether the query was {@code SELECT COUNT() FROM …}
 */
public record SoqlResult(
    int totalSize, List<Map<String, Object>> rows, String objectName, boolean countQuery) {}
