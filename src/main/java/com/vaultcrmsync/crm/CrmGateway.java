package com.vaultcrmsync.crm;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the sync engine needs from Salesforce. The implementation sends every call through the Camel
 * Salesforce component (routes in {@code routes/crm.camel.yaml}); the engine never sees HTTP.
 *
 * <p>Records are plain maps keyed by API field names, values as JSON gives them (String, Boolean,
 * Number, null, nested Map for parent relationships such as {@code What} or {@code Owner}). Writes
 * take maps without {@code attributes}; the gateway adds them.
 */
public interface CrmGateway extends AutoCloseable {

  /**
   * Runs a SOQL query through {@code query} (or {@code queryAll} when {@code includeDeleted}),
   * following {@code nextRecordsUrl} pages, and hands each record to {@code sink} in order. Returns
   * the number of records.
   */
  long query(String soql, boolean includeDeleted, Consumer<Map<String, Object>> sink);

  /**
   * Upserts by external id through sObject Collections, 200 records a call, {@code
   * allOrNone=false}. The result list is in the order of {@code records}; per-record failures are
   * results, not exceptions.
   */
  List<SaveResult> upsert(
      String sObject, String externalIdField, List<Map<String, Object>> records);

  /** Creates records through sObject Collections, 200 a call, {@code allOrNone=false}. */
  List<SaveResult> create(String sObject, List<Map<String, Object>> records);

  /** Updates records (each map carries {@code Id}) through sObject Collections, 200 a call. */
  List<SaveResult> update(String sObject, List<Map<String, Object>> records);

  /** Deletes records by id through sObject Collections, 200 a call. */
  List<SaveResult> delete(List<String> ids);

  /** API calls made so far by this gateway and the org's remaining daily allowance. */
  ApiUsage usage();

  @Override
  void close();
}
