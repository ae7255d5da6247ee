package com.vaultcrmsync.emulator.org;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Record operations shared by the single-record and the sObject Collections endpoints. Each runs
 * inside the caller's {@link Transaction}; a failure stages nothing.
 */
public final class Writes {

  /** An upsert's outcome. */
  public record Upserted(String id, boolean created) {}

  private final Org org;
  private final IntSupplier lockRowEvery;
  private final AtomicLong recordWrites = new AtomicLong();

  public Writes(Org org, IntSupplier lockRowEvery) {
    this.org = org;
    this.lockRowEvery = lockRowEvery;
  }

  public String create(Transaction tx, RecordInput input, String userId) throws ApiException {
    injectedLock(null);
    return org.writer().create(tx, input, userId);
  }

  public void update(Transaction tx, RecordInput input, Map<String, Object> existing, String userId)
      throws ApiException {
    injectedLock((String) existing.get("Id"));
    org.writer().update(tx, input, existing, userId);
  }

  public void delete(Transaction tx, Map<String, Object> existing, String userId)
      throws ApiException {
    injectedLock((String) existing.get("Id"));
    org.writer().delete(tx, existing, userId);
  }

  /** Live records of the object whose external id field equals {@code value}. */
  public static List<Map<String, Object>> matches(
      Transaction tx, ObjectDef object, FieldDef field, Object value) {
    List<Map<String, Object>> live = new ArrayList<>();
    if (field.name().equals("Id")) {
      Map<String, Object> r = tx.get(String.valueOf(value));
      if (r != null
          && ((String) r.get("Id")).startsWith(object.keyPrefix())
          && !Boolean.TRUE.equals(r.get("IsDeleted"))) {
        live.add(r);
      }
      return live;
    }
    for (Map<String, Object> r : tx.findBy(object, field, value)) {
      if (!Boolean.TRUE.equals(r.get("IsDeleted"))) {
        live.add(r);
      }
    }
    return live;
  }

  /**
   * Inserts or updates by external id. Several matches throw a 300 whose errors carry the matching
   * ids (as {@code fields}).
   */
  public Upserted upsert(
      Transaction tx, RecordInput input, FieldDef field, Object value, String userId)
      throws ApiException {
    List<Map<String, Object>> found = matches(tx, input.object(), field, value);
    if (found.size() > 1) {
      List<String> ids = found.stream().map(r -> (String) r.get("Id")).toList();
      throw new ApiException(
          300,
          ApiError.of(
              "MULTIPLE_CHOICES",
              field.name() + ": more than one record found for external id field: " + ids,
              ids));
    }
    if (found.isEmpty()) {
      if (field.name().equals("Id")) {
        throw ApiException.notFound();
      }
      Map<FieldDef, Object> values = new LinkedHashMap<>(input.values());
      values.put(field, value);
      RecordInput withKey =
          new RecordInput(input.object(), values, input.foreignKeys(), input.id(), input.error());
      return new Upserted(create(tx, withKey, userId), true);
    }
    Map<String, Object> existing = found.get(0);
    update(tx, input, existing, userId);
    return new Upserted((String) existing.get("Id"), false);
  }

  /** The external id field named in a path, or 404 as Salesforce answers for unknown ones. */
  public static FieldDef externalIdField(ObjectDef object, String name) throws ApiException {
    FieldDef field = object.field(name);
    if (field == null || !(field.externalId() || field.name().equals("Id"))) {
      throw new ApiException(
          404,
          ApiError.of(
              "NOT_FOUND",
              "Provided external ID field does not exist or is not accessible: " + name));
    }
    return field;
  }

  /** An external id value from a URL or a record, typed for its field. */
  public static Object externalIdValue(FieldDef field, String text) throws ApiException {
    try {
      return FieldValues.convert(field, TextNode.valueOf(text), "[line:1, column:1]");
    } catch (FieldValues.Misfit misfit) {
      throw new ApiException(400, misfit.error);
    }
  }

  private void injectedLock(String id) throws ApiException {
    int every = lockRowEvery.getAsInt();
    if (every > 0 && recordWrites.incrementAndGet() % every == 0) {
      throw new ApiException(
          400,
          ApiError.of(
              "UNABLE_TO_LOCK_ROW",
              "unable to obtain exclusive access to this record"
                  + (id == null ? "" : " or 1 records: " + id),
              List.of()));
    }
  }

  public void resetCounters() {
    recordWrites.set(0);
  }
}
