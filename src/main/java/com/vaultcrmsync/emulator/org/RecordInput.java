package com.vaultcrmsync.emulator.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed field values of one record in a request body. Built by {@link #read}: members that JSON
 * cannot map to their field's type fail the request; unknown fields or ill-fitting numbers become
 * this record's {@link #error}.
 *
 * @param values given fields and their typed values (null clears a field)
 * @param foreignKeys reference fields given as a parent's external id ({@code "Account":
 *     {"Vault_Note__c":"x"}})
 * @param id the {@code Id}/{@code id} member, if any
 * @param error the first record-level problem, or null
 */
public record RecordInput(
    ObjectDef object,
    Map<FieldDef, Object> values,
    Map<FieldDef, ForeignKey> foreignKeys,
    String id,
    ApiError error) {

  /** A parent referenced by external id: {@code target.field = value}. */
  record ForeignKey(ObjectDef target, FieldDef field, Object value) {}

  public static RecordInput read(OrgSchema schema, ObjectDef object, JsonBody body, ObjectNode node)
      throws ApiException {
    Map<FieldDef, Object> values = new LinkedHashMap<>();
    Map<FieldDef, ForeignKey> foreignKeys = new LinkedHashMap<>();
    String id = null;
    ApiError error = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String name = member.getKey();
      JsonNode value = member.getValue();
      if (name.equals("attributes")) {
        continue;
      }
      if (name.equalsIgnoreCase("Id")) {
        id = value.isNull() ? null : value.asText();
        continue;
      }
      FieldDef field = object.field(name);
      if (field == null) {
        FieldDef reference = object.relationship(name);
        if (reference != null && value.isObject()) {
          ForeignKey fk = foreignKey(schema, reference, (ObjectNode) value);
          if (fk != null) {
            foreignKeys.put(reference, fk);
            continue;
          }
        }
        if (error == null) {
          error =
              ApiError.of(
                  "INVALID_FIELD",
                  "No such column '" + name + "' on sobject of type " + object.name(),
                  List.of());
        }
        continue;
      }
      try {
        values.put(field, FieldValues.convert(field, value, body.where(node, name)));
      } catch (FieldValues.Misfit misfit) {
        if (error == null) {
          error = misfit.error;
        }
      }
    }
    return new RecordInput(object, values, foreignKeys, id, error);
  }

  private static ForeignKey foreignKey(OrgSchema schema, FieldDef reference, ObjectNode value) {
    String type = value.path("attributes").path("type").asText(reference.referenceTo().get(0));
    ObjectDef target = schema.def(type).orElse(null);
    if (target == null || !reference.referenceTo().contains(target.name())) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    value.fieldNames().forEachRemaining(keys::add);
    keys.remove("attributes");
    if (keys.size() != 1) {
      return null;
    }
    FieldDef field = target.field(keys.get(0));
    if (field == null || !(field.externalId() || field.name().equals("Id"))) {
      return null;
    }
    return new ForeignKey(target, field, value.get(keys.get(0)).asText());
  }
}
