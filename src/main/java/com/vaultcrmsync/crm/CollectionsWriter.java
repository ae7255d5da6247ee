package com.vaultcrmsync.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link CrmWriter} over REST sObject Collections ({@code direct:crm-upsert|create|update|
 * delete}): {@value #CHUNK} records a call, {@code allOrNone=false} so that a bad record never
 * rolls back good ones, and the records of a call that came back {@code UNABLE_TO_LOCK_ROW} sent
 * again with the bounded backoff of {@code crm.retry.*} ({@link LockedRowRetry}). One call per
 * started chunk of {@value #CHUNK}: an initial load costs one call per 200 records written.
 */
public final class CollectionsWriter implements CrmWriter {

  /** sObject Collections take at most 200 records a call. */
  public static final int CHUNK = 200;

  /** Collections calls never roll back good records because of a bad one. */
  private static final Map<String, Object> PARTIAL_OK = Map.of("allOrNone", "false");

  private final CrmRoutes routes;
  private final LockedRowRetry lockedRows;
  private final CollectionResults results;

  CollectionsWriter(CrmRoutes routes, RetryBackoff backoff, SecretMask mask) {
    this.routes = routes;
    this.lockedRows = new LockedRowRetry(backoff);
    this.results = new CollectionResults(mask);
  }

  @Override
  public List<SaveResult> upsert(
      String sObject, String externalIdField, List<Map<String, Object>> records) {
    Map<String, Object> headers =
        Map.of("sObjectName", sObject, "sObjectIdName", externalIdField, "allOrNone", "false");
    return write(
        "compositeUpsertSObjectCollections", "direct:crm-upsert", sObject, records, headers);
  }

  @Override
  public List<SaveResult> create(String sObject, List<Map<String, Object>> records) {
    // Every record a create wrote is a new one.
    return write(
            "compositeCreateSObjectCollections", "direct:crm-create", sObject, records, PARTIAL_OK)
        .stream()
        .map(r -> new SaveResult(r.id(), r.success(), r.success(), r.errors()))
        .toList();
  }

  @Override
  public List<SaveResult> update(String sObject, List<Map<String, Object>> records) {
    return write(
        "compositeUpdateSObjectCollections", "direct:crm-update", sObject, records, PARTIAL_OK);
  }

  @Override
  public List<SaveResult> delete(List<String> ids) {
    return inChunks(
        ids,
        chunk -> {
          List<?> replies =
              routes.call(
                  "compositeDeleteSObjectCollections",
                  "direct:crm-delete",
                  new ArrayList<>(chunk),
                  PARTIAL_OK);
          return results.read(replies, chunk.size());
        });
  }

  private List<SaveResult> write(
      String operation,
      String uri,
      String sObject,
      List<Map<String, Object>> records,
      Map<String, Object> headers) {
    return inChunks(
        records,
        chunk -> {
          List<?> replies =
              routes.call(operation, uri, RecordShapes.typed(sObject, chunk), headers);
          return results.read(replies, chunk.size());
        });
  }

  private <I> List<SaveResult> inChunks(
      List<I> items, Function<List<I>, List<SaveResult>> perChunk) {
    List<SaveResult> all = new ArrayList<>(items.size());
    for (int from = 0; from < items.size(); from += CHUNK) {
      all.addAll(
          lockedRows.send(items.subList(from, Math.min(items.size(), from + CHUNK)), perChunk));
    }
    return all;
  }
}
