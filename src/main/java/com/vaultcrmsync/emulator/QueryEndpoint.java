package com.vaultcrmsync.emulator;

import com.vaultcrmsync.emulator.soql.SoqlEngine;
import com.vaultcrmsync.emulator.soql.SoqlException;
import com.vaultcrmsync.emulator.soql.SoqlResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code query}, {@code queryAll} and {@code queryMore} ({@code query/01g…-2000}): runs SOQL
 * through the engine, pages the rows by the {@code Sforce-Query-Options: batchSize=N} header
 * (default and maximum 2,000, minimum 200) and keeps the rest behind {@code nextRecordsUrl}.
 */
final class QueryEndpoint {

  static final int DEFAULT_BATCH = 2000;
  static final int MIN_BATCH = 200;
  private static final Pattern BATCH = Pattern.compile("batchSize\\s*=\\s*(\\d+)");
  private static final Pattern LOCATOR = Pattern.compile("(01g[0-9A-Za-z]{15})-(\\d+)");

  private final SoqlEngine engine;
  private final OrgStore store;
  private final QueryCursors cursors;

  QueryEndpoint(SoqlEngine engine, OrgStore store, QueryCursors cursors) {
    this.engine = engine;
    this.store = store;
    this.cursors = cursors;
  }

  ApiReply query(CallContext c, boolean includeDeleted) throws ApiException {
    String soql = c.request().query().get("q");
    if (soql == null || soql.isBlank()) {
      throw ApiException.badRequest("MALFORMED_QUERY", "A query string has to be specified");
    }
    SoqlResult result;
    try {
      result = store.read(() -> engine.execute(soql, includeDeleted));
    } catch (SoqlException e) {
      throw ApiException.badRequest(e.errorCode(), e.getMessage());
    }
    int batch = batchSize(c);
    List<Map<String, Object>> rows = result.rows();
    if (rows.size() <= batch) {
      return ApiReply.ok(
          page(c, result.totalSize(), rows, 0, rows.size(), result.objectName(), null));
    }
    String locator = cursors.open(rows, result.objectName(), batch);
    return ApiReply.ok(page(c, result.totalSize(), rows, 0, batch, result.objectName(), locator));
  }

  ApiReply more(CallContext c, String locatorSegment) throws ApiException {
    Matcher m = LOCATOR.matcher(locatorSegment);
    QueryCursors.Cursor cursor = m.matches() ? cursors.get(m.group(1)) : null;
    int offset = cursor == null ? -1 : Integer.parseInt(m.group(2));
    if (cursor == null || offset > cursor.rows.size()) {
      throw ApiException.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    String header = c.request().header("Sforce-Query-Options");
    int batch = header == null ? cursor.batchSize : batchSize(c);
    int end = Math.min(cursor.rows.size(), offset + batch);
    String locator = m.group(1);
    if (end >= cursor.rows.size()) {
      cursors.close(locator);
      locator = null;
    }
    return ApiReply.ok(
        page(c, cursor.rows.size(), cursor.rows, offset, end, cursor.objectName, locator));
  }

  private static Map<String, Object> page(
      CallContext c,
      int totalSize,
      List<Map<String, Object>> rows,
      int from,
      int to,
      String objectName,
      String locator) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("totalSize", totalSize);
    out.put("done", locator == null);
    if (locator != null) {
      out.put("nextRecordsUrl", c.dataPath() + "/query/" + locator + "-" + to);
    }
    List<Map<String, Object>> records = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      records.add(RecordJson.row(rows.get(i), objectName, c.version()));
    }
    out.put("records", records);
    return out;
  }

  private static int batchSize(CallContext c) {
    String header = c.request().header("Sforce-Query-Options");
    if (header == null) {
      return DEFAULT_BATCH;
    }
    Matcher m = BATCH.matcher(header);
    if (!m.find()) {
      return DEFAULT_BATCH;
    }
    long n = Long.parseLong(m.group(1).length() > 9 ? "999999999" : m.group(1));
    return (int) Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, n));
  }
}
