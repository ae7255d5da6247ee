package com.vaultcrmsync.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaultcrmsync.emulator.org.ApiError;
import com.vaultcrmsync.emulator.org.ApiException;
import com.vaultcrmsync.emulator.org.FieldDef;
import com.vaultcrmsync.emulator.org.JsonBody;
import com.vaultcrmsync.emulator.org.ObjectDef;
import com.vaultcrmsync.emulator.org.Org;
import com.vaultcrmsync.emulator.org.OrgStore;
import com.vaultcrmsync.emulator.org.RecordInput;
import com.vaultcrmsync.emulator.org.RecordWriter;
import com.vaultcrmsync.emulator.org.SalesforceId;
import com.vaultcrmsync.emulator.org.Transaction;
import com.vaultcrmsync.emulator.org.Writes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Single-record REST: {@code sobjects/{T}} create, {@code sobjects/{T}/{id}} retrieve, update,
 * delete, and {@code sobjects/{T}/{externalIdField}/{value}} retrieve, upsert, delete.
 */
public final class SObjectEndpoint {

  private final Org org;
  private final Writes writes;

  public SObjectEndpoint(Org org, Writes writes) {
    this.org = org;
    this.writes = writes;
  }

  ApiReply create(CallContext c, ObjectDef object) throws ApiException {
    RecordInput input = recordBody(c, object);
    try (Transaction tx = org.store().begin()) {
      String id = writes.create(tx, input, c.userId());
      tx.commit(org.clock().instant());
      return ApiReply.json(201, saveResult(id, null));
    }
  }

  ApiReply retrieve(CallContext c, ObjectDef object, String id) throws ApiException {
    Map<String, Object> record = existing(object, id);
    String fields = c.request().query().get("fields");
    if (fields == null || fields.isBlank()) {
      return ApiReply.ok(RecordJson.full(object, record, c.version()));
    }
    return ApiReply.ok(RecordJson.selected(object, record, fieldList(object, fields), c.version()));
  }

  ApiReply update(CallContext c, ObjectDef object, String id) throws ApiException {
    Map<String, Object> record = existing(object, id);
    RecordInput input = recordBody(c, object);
    try (Transaction tx = org.store().begin()) {
      Map<String, Object> current = tx.get((String) record.get("Id"));
      writes.update(tx, input, current, c.userId());
      tx.commit(org.clock().instant());
    }
    return ApiReply.noContent();
  }

  ApiReply delete(CallContext c, ObjectDef object, String id) throws ApiException {
    Map<String, Object> record = existing(object, id);
    try (Transaction tx = org.store().begin()) {
      writes.delete(tx, tx.get((String) record.get("Id")), c.userId());
      tx.commit(org.clock().instant());
    }
    return ApiReply.noContent();
  }

  ApiReply byExternalId(CallContext c, ObjectDef object, String fieldName, String value)
      throws ApiException {
    FieldDef field = Writes.externalIdField(object, fieldName);
    Object key = Writes.externalIdValue(field, value);
    String method = c.request().method();
    if (method.equals("PATCH") || method.equals("POST")) {
      return upsert(c, object, field, key);
    }
    try (Transaction tx = org.store().begin()) {
      List<Map<String, Object>> found = Writes.matches(tx, object, field, key);
      if (found.isEmpty()) {
        throw ApiException.notFound();
      }
      if (found.size() > 1) {
        return multipleChoices(c, object, found);
      }
      if (method.equals("GET")) {
        return retrieve(c, object, (String) found.get(0).get("Id"));
      }
      writes.delete(tx, found.get(0), c.userId());
      tx.commit(org.clock().instant());
      return ApiReply.noContent();
    }
  }

  private ApiReply upsert(CallContext c, ObjectDef object, FieldDef field, Object key)
      throws ApiException {
    RecordInput input = recordBody(c, object);
    if (input.id() != null) {
      throw ApiException.badRequest(
          "INVALID_FIELD", "The Id field should not be specified in the sobject data.");
    }
    Object inBody = input.values().get(field);
    if (input.values().containsKey(field)
        && !OrgStore.indexKey(field, key).equals(OrgStore.indexKey(field, inBody))) {
      throw new ApiException(
          400,
          ApiError.of(
              "INVALID_FIELD",
              "The value of "
                  + field.name()
                  + " in the request body ("
                  + inBody
                  + ") does not match the external id in the URL ("
                  + key
                  + ")",
              List.of(field.name())));
    }
    Map<FieldDef, Object> values = new LinkedHashMap<>(input.values());
    values.remove(field);
    RecordInput rest = new RecordInput(object, values, input.foreignKeys(), null, input.error());
    try (Transaction tx = org.store().begin()) {
      Writes.Upserted result;
      try {
        result = writes.upsert(tx, rest, field, key, c.userId());
      } catch (ApiException e) {
        if (e.status() == 300) {
          return multipleChoices(c, object, Writes.matches(tx, object, field, key));
        }
        throw e;
      }
      tx.commit(org.clock().instant());
      if (!result.created() && Double.parseDouble(c.version()) < 46.0) {
        // API 45.0 and earlier answer an update by external id with 204
        return ApiReply.noContent();
      }
      if (Double.parseDouble(c.version()) < 46.0) {
        return ApiReply.json(201, saveResult(result.id(), null));
      }
      return ApiReply.json(result.created() ? 201 : 200, saveResult(result.id(), result.created()));
    }
  }

  private ApiReply multipleChoices(
      CallContext c, ObjectDef object, List<Map<String, Object>> found) {
    List<String> urls = new ArrayList<>();
    for (Map<String, Object> r : found) {
      urls.add(c.dataPath() + "/sobjects/" + object.name() + "/" + r.get("Id"));
    }
    return ApiReply.json(300, urls);
  }

  /** The live record with this id of this object, or Salesforce's 404. */
  Map<String, Object> existing(ObjectDef object, String id) throws ApiException {
    String canonical = SalesforceId.canonical(id);
    if (canonical == null) {
      throw new ApiException(
          404,
          ApiError.of(
              "NOT_FOUND",
              "Provided external ID field does not exist or is not accessible: " + id));
    }
    Map<String, Object> record = org.store().byId(canonical).orElse(null);
    if (record == null || !canonical.startsWith(object.keyPrefix())) {
      throw ApiException.notFound();
    }
    if (Boolean.TRUE.equals(record.get("IsDeleted"))) {
      throw RecordWriter.deleted();
    }
    return record;
  }

  static List<FieldDef> fieldList(ObjectDef object, String csv) throws ApiException {
    List<FieldDef> fields = new ArrayList<>();
    for (String name : csv.split(",")) {
      String trimmed = name.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      FieldDef f = object.field(trimmed);
      if (f == null) {
        throw ApiException.badRequest(
            "INVALID_FIELD",
            "No such column '"
                + trimmed
                + "' on entity '"
                + object.name()
                + "'. If you are attempting to use a custom field, be sure to append the '__c'"
                + " after the custom field name. Please reference your WSDL or the describe call"
                + " for the appropriate names.");
      }
      fields.add(f);
    }
    return fields;
  }

  private RecordInput recordBody(CallContext c, ObjectDef object) throws ApiException {
    JsonBody body = JsonBody.parse(c.request().body());
    if (!(body.root() instanceof ObjectNode node)) {
      throw ApiException.badRequest(
          "JSON_PARSER_ERROR",
          "Cannot deserialize instance of "
              + object.name()
              + " from "
              + (body.root().isArray() ? "START_ARRAY" : "VALUE_STRING")
              + " value at [line:1, column:1]");
    }
    return RecordInput.read(org.schema(), object, body, node);
  }

  static Map<String, Object> saveResult(String id, Boolean created) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("errors", List.of());
    m.put("success", true);
    if (created != null) {
      m.put("created", created);
    }
    return m;
  }
}
