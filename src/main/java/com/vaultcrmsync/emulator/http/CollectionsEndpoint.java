package com.vaultcrmsync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaultcrmsync.emulator.org.ApiError;
import com.vaultcrmsync.emulator.org.ApiException;
import com.vaultcrmsync.emulator.org.FieldDef;
import com.vaultcrmsync.emulator.org.JsonBody;
import com.vaultcrmsync.emulator.org.ObjectDef;
import com.vaultcrmsync.emulator.org.Org;
import com.vaultcrmsync.emulator.org.OrgStore;
import com.vaultcrmsync.emulator.org.RecordInput;
import com.vaultcrmsync.emulator.org.SalesforceId;
import com.vaultcrmsync.emulator.org.Transaction;
import com.vaultcrmsync.emulator.org.WireFormat;
import com.vaultcrmsync.emulator.org.Writes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sObject Collections ({@code composite/sobjects}): create, update, upsert by external id, delete,
 * retrieve; up to 200 records. Every result array is aligned with the input. With {@code allOrNone}
 * one failure rolls the whole request back: failed records keep their own errors and the others get
 * {@code ALL_OR_NONE_OPERATION_ROLLED_BACK}. A request is applied atomically with respect to other
 * requests.
 */
public final class CollectionsEndpoint {

  static final int MAX_RECORDS = 200;
  private static final ApiError ROLLED_BACK =
      ApiError.of(
          "ALL_OR_NONE_OPERATION_ROLLED_BACK",
          "Record rolled back because not all records were valid and the request was using"
              + " AllOrNone header",
          List.of());

  private static final ApiError NOT_FOUND =
      ApiError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of());

  /** One record's outcome before allOrNone is applied. */
  private record Outcome(String id, Boolean created, ApiError error) {}

  /** One record operation inside the request's transaction. */
  private interface Operation {
    Outcome apply(Transaction tx, int index) throws ApiException;
  }

  /** One operation on a record whose type is known. */
  private interface RecordOperation {
    Outcome apply(Transaction tx, RecordInput input) throws ApiException;
  }

  private final Org org;
  private final Writes writes;

  public CollectionsEndpoint(Org org, Writes writes) {
    this.org = org;
    this.writes = writes;
  }

  ApiReply create(CallContext c) throws ApiException {
    return eachRecord(
        c, (tx, input) -> new Outcome(writes.create(tx, input, c.userId()), null, null), false);
  }

  ApiReply update(CallContext c) throws ApiException {
    return eachRecord(
        c,
        (tx, input) -> {
          if (input.id() == null) {
            return new Outcome(
                null,
                null,
                ApiError.of("MISSING_ARGUMENT", "Id not specified in an update call", List.of()));
          }
          String id = SalesforceId.canonical(input.id());
          if (id == null || !id.startsWith(input.object().keyPrefix())) {
            return new Outcome(
                null,
                null,
                ApiError.of(
                    "MALFORMED_ID",
                    input.object().name() + " ID: id value of incorrect type: " + input.id(),
                    List.of("Id")));
          }
          Map<String, Object> existing = tx.get(id);
          if (existing == null) {
            return new Outcome(id, null, NOT_FOUND);
          }
          try {
            writes.update(tx, input, existing, c.userId());
          } catch (ApiException e) {
            return new Outcome(id, null, e.errors().get(0));
          }
          return new Outcome(id, null, null);
        },
        true);
  }

  ApiReply upsert(CallContext c, ObjectDef object, String fieldName) throws ApiException {
    FieldDef field = Writes.externalIdField(object, fieldName);
    Batch batch = batch(c);
    List<RecordInput> inputs = inputs(batch, object);
    Map<Object, Integer> seen = new HashMap<>();
    List<Boolean> duplicate = new ArrayList<>();
    for (RecordInput input : inputs) {
      Object key = input == null ? null : OrgStore.indexKey(field, input.values().get(field));
      duplicate.add(false);
      if (key != null) {
        Integer first = seen.putIfAbsent(key, duplicate.size() - 1);
        if (first != null) {
          duplicate.set(first, true);
          duplicate.set(duplicate.size() - 1, true);
        }
      }
    }
    return run(
        batch.allOrNone,
        inputs.size(),
        (tx, i) -> {
          RecordInput input = inputs.get(i);
          if (input == null || !input.object().name().equals(object.name())) {
            return new Outcome(null, null, concreteType());
          }
          Object value = input.values().get(field);
          if (value == null) {
            return new Outcome(
                null,
                null,
                ApiError.of("MISSING_ARGUMENT", field.name() + " not specified", List.of()));
          }
          if (duplicate.get(i)) {
            return new Outcome(
                null,
                null,
                ApiError.of(
                    "DUPLICATE_EXTERNAL_ID",
                    "Duplicate external id specified: " + value,
                    List.of(field.name())));
          }
          if (input.id() != null) {
            return new Outcome(
                null,
                null,
                ApiError.of(
                    "INVALID_FIELD",
                    "The Id field should not be specified in the sobject data.",
                    List.of()));
          }
          Map<FieldDef, Object> values = new LinkedHashMap<>(input.values());
          values.remove(field);
          RecordInput rest =
              new RecordInput(object, values, input.foreignKeys(), null, input.error());
          List<Map<String, Object>> found = Writes.matches(tx, object, field, value);
          String existingId = found.size() == 1 ? (String) found.get(0).get("Id") : null;
          try {
            Writes.Upserted done = writes.upsert(tx, rest, field, value, c.userId());
            return new Outcome(done.id(), done.created(), null);
          } catch (ApiException e) {
            if (e.status() == 300) {
              return new Outcome(
                  null,
                  null,
                  ApiError.of("DUPLICATE_EXTERNAL_ID", e.errors().get(0).message(), List.of()));
            }
            return new Outcome(existingId, null, e.errors().get(0));
          }
        },
        true);
  }

  ApiReply delete(CallContext c) throws ApiException {
    boolean allOrNone =
        Boolean.parseBoolean(c.request().query().getOrDefault("allOrNone", "false"));
    List<String> list = idsParameter(c);
    if (list.isEmpty()) {
      throw ApiException.badRequest("MISSING_ARGUMENT", "ids parameter is required");
    }
    tooMany(list.size());
    return run(
        allOrNone,
        list.size(),
        (tx, i) -> {
          String given = list.get(i);
          String id = SalesforceId.canonical(given);
          if (id == null) {
            return new Outcome(
                null, null, ApiError.of("MALFORMED_ID", "malformed id " + given, List.of()));
          }
          Map<String, Object> existing = tx.get(id);
          if (existing == null) {
            return new Outcome(id, null, NOT_FOUND);
          }
          if (Boolean.TRUE.equals(existing.get("IsDeleted"))) {
            return new Outcome(
                id, null, ApiError.of("ENTITY_IS_DELETED", "entity is deleted", List.of()));
          }
          try {
            writes.delete(tx, existing, c.userId());
          } catch (ApiException e) {
            return new Outcome(id, null, e.errors().get(0));
          }
          return new Outcome(id, null, null);
        },
        true);
  }

  ApiReply retrieve(CallContext c, ObjectDef object) throws ApiException {
    List<String> ids;
    String fields;
    if (c.request().method().equals("POST")) {
      ids = new ArrayList<>();
      JsonNode body = JsonBody.parse(c.request().body()).root();
      body.path("ids").forEach(n -> ids.add(n.asText()));
      List<String> names = new ArrayList<>();
      body.path("fields").forEach(n -> names.add(n.asText()));
      fields = String.join(",", names);
    } else {
      ids = idsParameter(c);
      fields = c.request().query().getOrDefault("fields", "");
    }
    if (ids.isEmpty() || fields.isBlank()) {
      throw ApiException.badRequest(
          "MISSING_ARGUMENT",
          ids.isEmpty() ? "ids parameter is required" : "fields parameter is required");
    }
    if (ids.size() > 2000) {
      tooMany(ids.size());
    }
    List<FieldDef> list = SObjectEndpoint.fieldList(object, fields);
    List<Object> out = org.store().read(() -> rows(object, ids, list, c.version()));
    return ApiReply.ok(out);
  }

  private List<Object> rows(
      ObjectDef object, List<String> ids, List<FieldDef> list, String version) {
    List<Object> out = new ArrayList<>();
    for (String given : ids) {
      Map<String, Object> r = org.store().byId(given).orElse(null);
      if (r == null
          || Boolean.TRUE.equals(r.get("IsDeleted"))
          || !((String) r.get("Id")).startsWith(object.keyPrefix())) {
        out.add(null);
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("attributes", RecordJson.attributes(object.name(), (String) r.get("Id"), version));
      for (FieldDef f : list) {
        row.put(f.name(), WireFormat.out(r.get(f.name())));
      }
      out.add(row);
    }
    return out;
  }

  /** Applies {@code op} to each record of the request; one of no known type fails on its own. */
  private ApiReply eachRecord(CallContext c, RecordOperation op, boolean keepIdOnRollback)
      throws ApiException {
    Batch batch = batch(c);
    List<RecordInput> inputs = inputs(batch, null);
    return run(
        batch.allOrNone,
        inputs.size(),
        (tx, i) -> {
          RecordInput input = inputs.get(i);
          if (input == null) {
            return new Outcome(null, null, concreteType());
          }
          return op.apply(tx, input);
        },
        keepIdOnRollback);
  }

  private ApiReply run(boolean allOrNone, int size, Operation op, boolean keepIdOnRollback) {
    List<Outcome> outcomes = new ArrayList<>();
    boolean failed = false;
    try (Transaction tx = org.store().begin()) {
      for (int i = 0; i < size; i++) {
        Outcome outcome;
        try {
          outcome = op.apply(tx, i);
        } catch (ApiException e) {
          outcome = new Outcome(null, null, e.errors().get(0));
        }
        failed |= outcome.error() != null;
        outcomes.add(outcome);
      }
      if (!(allOrNone && failed)) {
        tx.commit(org.clock().instant());
      }
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Outcome o : outcomes) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (allOrNone && failed || o.error() != null) {
        if (o.id() != null && keepIdOnRollback) {
          m.put("id", o.id());
        }
        m.put("success", false);
        // Without an error of its own a record failed only because allOrNone rolled it back.
        m.put(
            "errors",
            List.of(ApiReply.collectionError(o.error() == null ? ROLLED_BACK : o.error())));
      } else {
        m.put("id", o.id());
        m.put("success", true);
        m.put("errors", List.of());
        if (o.created() != null) {
          m.put("created", o.created());
        }
      }
      results.add(m);
    }
    return ApiReply.ok(results);
  }

  /** The request's records and allOrNone flag, validated as a whole. */
  private record Batch(JsonBody body, List<ObjectNode> records, boolean allOrNone) {}

  private Batch batch(CallContext c) throws ApiException {
    JsonBody body = JsonBody.parse(c.request().body());
    JsonNode root = body.root();
    if (!root.isObject() || !root.path("records").isArray()) {
      throw ApiException.badRequest(
          "JSON_PARSER_ERROR",
          "Cannot deserialize the request body: expected {\"records\": [...]}");
    }
    List<ObjectNode> records = new ArrayList<>();
    for (JsonNode r : root.get("records")) {
      if (!r.isObject()) {
        throw ApiException.badRequest(
            "JSON_PARSER_ERROR", "Cannot deserialize instance of SObject from a non-object value");
      }
      records.add((ObjectNode) r);
    }
    tooMany(records.size());
    return new Batch(body, records, root.path("allOrNone").asBoolean(false));
  }

  /** Typed values of every record in the batch, aligned with it (null where no known type). */
  private List<RecordInput> inputs(Batch batch, ObjectDef defaultType) throws ApiException {
    List<RecordInput> inputs = new ArrayList<>();
    for (ObjectNode record : batch.records) {
      inputs.add(typed(batch.body, record, defaultType));
    }
    return inputs;
  }

  /** The comma-separated {@code ids} query parameter, trimmed, blanks dropped. */
  private static List<String> idsParameter(CallContext c) {
    List<String> ids = new ArrayList<>();
    for (String id : c.request().query().getOrDefault("ids", "").split(",")) {
      if (!id.isBlank()) {
        ids.add(id.trim());
      }
    }
    return ids;
  }

  /** Typed values of one record, or null when it names no known type. */
  private RecordInput typed(JsonBody body, ObjectNode record, ObjectDef defaultType)
      throws ApiException {
    String type = record.path("attributes").path("type").asText(null);
    ObjectDef object = type == null ? defaultType : org.schema().def(type).orElse(null);
    if (object == null) {
      return null;
    }
    return RecordInput.read(org.schema(), object, body, record);
  }

  private static ApiError concreteType() {
    return ApiError.of("INVALID_TYPE", "Must send a concrete entity type.", List.of());
  }

  private static void tooMany(int size) throws ApiException {
    if (size > MAX_RECORDS) {
      throw ApiException.badRequest(
          "EXCEEDED_ID_LIMIT",
          "record limit reached. cannot submit more than 200 records into this call");
    }
  }
}
