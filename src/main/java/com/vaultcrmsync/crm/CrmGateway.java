package com.vaultcrmsync.crm;

import java.util.Map;
import java.util.function.Consumer;

/**
 * What the sync engine needs from Salesforce. The implementation sends every call through the Camel
 * Salesforce component (routes in {@code routes/crm.camel.yaml}); the engine never sees HTTP.
 *
 * <p>Records are plain maps keyed by API field names, values as JSON gives them (String, Boolean,
 * Number, null, nested Map for parent relationships such as {@code What} or {@code Owner}). Writes
 * go through its {@link #writer()}; the CRM changes a sync pulls come from a {@link ChangeSource}
 * over it.
 */
public interface CrmGateway extends AutoCloseable {

  /**
   * Runs a SOQL query through {@code query} (or {@code queryAll} when {@code includeDeleted}),
   * following {@code nextRecordsUrl} pages, and hands each record to {@code sink} in order. Returns
   * the number of records.
   */
  long query(String soql, boolean includeDeleted, Consumer<Map<String, Object>> sink);

  /**
   * The writer of records (upsert by external id, create, update, delete), chosen for this gateway
   * by {@link Writers}; its calls count in {@link #usage()}.
   */
  CrmWriter writer();

  /** API calls made so far by this gateway and the org's remaining daily allowance. */
  ApiUsage usage();

  @Override
  void close();
}
