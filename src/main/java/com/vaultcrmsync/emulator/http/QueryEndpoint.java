package com.vaultcrmsync.emulator.http;

import com.vaultcrmsync.emulator.org.ApiException;
import com.vaultcrmsync.emulator.org.OrgStore;
import com.vaultcrmsync.emulator.soql.SoqlEngine;
import com.vaultcrmsync.emulator.soql.SoqlPages;
import com.vaultcrmsync.emulator.soql.parse.SoqlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code query}, {@code queryAll} and {@code queryMore} ({@code query/01g…-2000}): runs SOQL
 * through the engine, pages the rows by the {@code Sforce-Query-Options: batchSize=N} header
 * (default and maximum 2,000, minimum 200) and keeps the rest behind {@code nextRecordsUrl}. Rows
 * are built per page ({@link SoqlPages}), under the store's read lock so a page never shows half of
 * a commit.
 */
public final class QueryEndpoint {

  static final int DEFAULT_BATCH = 2000;
  static final int MIN_BATCH = 200;
  private static final Pattern BATCH = Pattern.compile("batchSize\\s*=\\s*(\\d+)");
  private static final Pattern LOCATOR = Pattern.compile("(01g[0-9A-Za-z]{15})-(\\d+)");

  private final SoqlEngine engine;
  private final OrgStore store;
  private final QueryCursors cursors;

  public QueryEndpoint(SoqlEngine engine, OrgStore store, QueryCursors cursors) {
    this.engine = engine;
    this.store = store;
    this.cursors = cursors;
  }

  ApiReply query(CallContext c, boolean includeDeleted) throws ApiException {
    String soql = c.request().query().get("q");
    if (soql == null || soql.isBlank()) {
      throw ApiException.badRequest("MALFORMED_QUERY", "A query string has to be specified");
    }
    SoqlPages pages;
    try {
      pages = store.read(() -> engine.open(soql, includeDeleted));
    } catch (SoqlException e) {
      throw ApiException.badRequest(e.errorCode(), e.getMessage());
    }
    int batch = batchSize(c);
    if (pages.size() <= batch) {
      return ApiReply.ok(page(c, pages, 0, pages.size(), null));
    }
    String locator = cursors.open(pages, batch);
    return ApiReply.ok(page(c, pages, 0, batch, locator));
  }

  ApiReply more(CallContext c, String locatorSegment) throws ApiException {
    Matcher m = LOCATOR.matcher(locatorSegment);
    QueryCursors.Cursor cursor = m.matches() ? cursors.get(m.group(1)) : null;
    int offset = cursor == null ? -1 : Integer.parseInt(m.group(2));
    if (cursor == null || offset > cursor.pages.size()) {
      throw ApiException.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    String header = c.request().header("Sforce-Query-Options");
    int batch = header == null ? cursor.batchSize : batchSize(c);
    int end = Math.min(cursor.pages.size(), offset + batch);
    String locator = m.group(1);
    if (end >= cursor.pages.size()) {
      cursors.close(locator);
      locator = null;
    }
    return ApiReply.ok(page(c, cursor.pages, offset, end, locator));
  }

  private Map<String, Object> page(CallContext c, SoqlPages pages, int from, int to, String locator)
      throws ApiException {
    List<Map<String, Object>> rows;
    try {
      rows = store.read(() -> pages.rows(from, to));
    } catch (SoqlException e) {
      throw ApiException.badRequest(e.errorCode(), e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("totalSize", pages.totalSize());
    out.put("done", locator == null);
    if (locator != null) {
      out.put("nextRecordsUrl", c.dataPath() + "/query/" + locator + "-" + to);
    }
    List<Map<String, Object>> records = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      records.add(RecordJson.row(row, pages.objectName(), c.version()));
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
