package com.vaultcrmsync.crm;

import java.util.Map;
import java.util.Optional;
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

  /**
   * The id of the user this gateway reads and writes as: the last segment of the OAuth identity URL
   * ({@code …/id/<orgId>/<userId>}) of its session, known without a call; empty when unknown.
   */
  default Optional<String> integrationUserId() {
    return Optional.empty();
  }

  /**
   * Hands {@code listener} the server-time window of every write call made from now on, as soon as
   * the call returned (whether it succeeded or not): the pushes a later pull excludes ({@link
   * OwnWrites}). A gateway that cannot tell (a test double) never calls it.
   */
  default void onWrite(Consumer<ChangePosition.OwnWrites.Window> listener) {}

  /** API calls made so far by this gateway and the org's remaining daily allowance. */
  ApiUsage usage();

  @Override
  void close();
}
