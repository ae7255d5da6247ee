package com.vaultcrmsync.crm;

import java.util.List;
import java.util.Map;

/**
 * The record writes the sync makes in Salesforce. Every method returns one {@link SaveResult} per
 * input record, in input order; a record Salesforce refused is a failed result, not an exception
 * (only a call that fails as a whole throws a {@link CrmException}). Records are maps keyed by API
 * field names, without {@code attributes}: the writer adds what its API needs.
 *
 * <p>Which writer a run gets is decided in one place, {@link Writers}: today {@link
 * CollectionsWriter} (REST sObject Collections); Bulk API 2.0 ingest jobs plug in there.
 */
public interface CrmWriter {

  /** Upserts by the external id field {@code externalIdField}; {@code created} tells new ones. */
  List<SaveResult> upsert(
      String sObject, String externalIdField, List<Map<String, Object>> records);

  /** Creates records; every successful result is {@code created}. */
  List<SaveResult> create(String sObject, List<Map<String, Object>> records);

  /** Updates records, each map carrying its {@code Id}. */
  List<SaveResult> update(String sObject, List<Map<String, Object>> records);

  /** Deletes records by id. */
  List<SaveResult> delete(List<String> ids);
}
