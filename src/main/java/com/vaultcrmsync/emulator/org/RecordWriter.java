package com.vaultcrmsync.emulator.org;

import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates one record write the way Salesforce does and stages the new version in a {@link
 * Transaction}: read-only and required fields, lengths, restricted picklists, e-mail addresses,
 * references, unique values; then the fields Salesforce derives (system fields, Task {@code
 * IsClosed}, activity {@code AccountId}, Event times, Contact {@code Name}).
 */
public final class RecordWriter {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final Clock clock;

  RecordWriter(Clock clock) {
    this.clock = clock;
  }

  /** Validates and stages a new record; returns its id. */
  public String create(Transaction tx, RecordInput input, String userId) throws ApiException {
    ObjectDef object = input.object();
    requireWritable(object, "inserted");
    if (input.error() != null) {
      throw new ApiException(400, input.error());
    }
    if (input.id() != null) {
      throw new ApiException(
          400,
          ApiError.of(
              "INVALID_FIELD", "The Id field should not be specified in the sobject data."));
    }
    readOnly(input, true);
    Map<String, Object> record = new LinkedHashMap<>();
    for (FieldDef f : object.fields()) {
      if (f.defaultValue() != null) {
        record.put(f.name(), f.defaultValue());
      }
    }
    if (object.field("OwnerId") != null) {
      record.put("OwnerId", userId);
    }
    apply(record, input.values());
    resolveForeignKeys(tx, input, record);
    Set<FieldDef> changed = changedFields(input);
    derive(tx, object, record, null, changed);
    validate(tx, object, record, null, changed);
    Instant now = clock.instant();
    String id = tx.store().newId(object);
    record.put("Id", id);
    record.put("IsDeleted", Boolean.FALSE);
    record.put("CreatedDate", now);
    record.put("CreatedById", userId);
    record.put("LastModifiedDate", now);
    record.put("LastModifiedById", userId);
    record.put("SystemModstamp", now);
    if (record.get("CompletedDateTime") != null) {
      record.put("CompletedDateTime", now);
    }
    tx.put(Collections.unmodifiableMap(record));
    return id;
  }

  /** Validates and stages new values for an existing record. */
  public void update(Transaction tx, RecordInput input, Map<String, Object> existing, String userId)
      throws ApiException {
    ObjectDef object = input.object();
    requireWritable(object, "updated");
    if (input.error() != null) {
      throw new ApiException(400, input.error());
    }
    if (Boolean.TRUE.equals(existing.get("IsDeleted"))) {
      throw deleted();
    }
    readOnly(input, false);
    Map<String, Object> record = new LinkedHashMap<>(existing);
    apply(record, input.values());
    resolveForeignKeys(tx, input, record);
    Set<FieldDef> changed = changedFields(input);
    derive(tx, object, record, existing, changed);
    validate(tx, object, record, (String) existing.get("Id"), changed);
    Instant now = clock.instant();
    record.put("LastModifiedDate", now);
    record.put("LastModifiedById", userId);
    record.put("SystemModstamp", now);
    tx.put(Collections.unmodifiableMap(record));
  }

  /** Soft-deletes a record and, for an Account, its contacts and activities. */
  public void delete(Transaction tx, Map<String, Object> existing, String userId)
      throws ApiException {
    String id = (String) existing.get("Id");
    ObjectDef object = tx.store().schema().byPrefix(SalesforceId.prefix(id)).orElseThrow();
    requireWritable(object, "deleted");
    if (Boolean.TRUE.equals(existing.get("IsDeleted"))) {
      throw deleted();
    }
    Instant now = clock.instant();
    markDeleted(tx, existing, userId, now);
    if (object.name().equals("Account")) {
      OrgSchema schema = tx.store().schema();
      cascade(tx, schema.def("Task").orElseThrow(), "WhatId", id, userId, now);
      cascade(tx, schema.def("Event").orElseThrow(), "WhatId", id, userId, now);
      cascade(tx, schema.def("Contact").orElseThrow(), "AccountId", id, userId, now);
    }
  }

  public static ApiException deleted() {
    return new ApiException(404, ApiError.of("ENTITY_IS_DELETED", "entity is deleted", List.of()));
  }

  private void cascade(
      Transaction tx, ObjectDef child, String field, String parentId, String userId, Instant now) {
    for (Map<String, Object> r : tx.findBy(child, child.field(field), parentId)) {
      if (!Boolean.TRUE.equals(r.get("IsDeleted"))) {
        markDeleted(tx, r, userId, now);
      }
    }
  }

  private static void markDeleted(
      Transaction tx, Map<String, Object> existing, String userId, Instant now) {
    Map<String, Object> record = new LinkedHashMap<>(existing);
    record.put("IsDeleted", Boolean.TRUE);
    record.put("LastModifiedDate", now);
    record.put("LastModifiedById", userId);
    record.put("SystemModstamp", now);
    tx.put(Collections.unmodifiableMap(record));
  }

  private static void requireWritable(ObjectDef object, String verb) throws ApiException {
    if (!object.writable()) {
      throw new ApiException(
          400,
          ApiError.of(
              "INVALID_TYPE", "entity type cannot be " + verb + ": " + object.name(), List.of()));
    }
  }

  private static void readOnly(RecordInput input, boolean create) throws ApiException {
    List<String> refused = new ArrayList<>();
    for (FieldDef f : input.values().keySet()) {
      if (create ? !f.createable() : !f.updateable()) {
        refused.add(f.name());
      }
    }
    for (FieldDef f : input.foreignKeys().keySet()) {
      if (create ? !f.createable() : !f.updateable()) {
        refused.add(f.relationshipName());
      }
    }
    if (!refused.isEmpty()) {
      throw new ApiException(
          400,
          ApiError.of(
              "INVALID_FIELD_FOR_INSERT_UPDATE",
              "Unable to create/update fields: "
                  + String.join(", ", refused)
                  + ". Please check the security settings of this field and verify that it is"
                  + " read/write for your profile or permission set.",
              refused));
    }
  }

  private static void apply(Map<String, Object> record, Map<FieldDef, Object> values) {
    for (Map.Entry<FieldDef, Object> e : values.entrySet()) {
      if (e.getValue() == null) {
        record.remove(e.getKey().name());
      } else {
        record.put(e.getKey().name(), e.getValue());
      }
    }
  }

  private static Set<FieldDef> changedFields(RecordInput input) {
    Set<FieldDef> changed = new HashSet<>(input.values().keySet());
    changed.addAll(input.foreignKeys().keySet());
    return changed;
  }

  private static void resolveForeignKeys(
      Transaction tx, RecordInput input, Map<String, Object> record) throws ApiException {
    for (Map.Entry<FieldDef, RecordInput.ForeignKey> e : input.foreignKeys().entrySet()) {
      RecordInput.ForeignKey fk = e.getValue();
      List<Map<String, Object>> found = new ArrayList<>();
      if (fk.field().name().equals("Id")) {
        Map<String, Object> r = tx.get(String.valueOf(fk.value()));
        if (r != null && ((String) r.get("Id")).startsWith(fk.target().keyPrefix())) {
          found.add(r);
        }
      } else {
        for (Map<String, Object> r : tx.findBy(fk.target(), fk.field(), fk.value())) {
          if (!Boolean.TRUE.equals(r.get("IsDeleted"))) {
            found.add(r);
          }
        }
      }
      if (found.size() != 1) {
        throw new ApiException(
            400,
            ApiError.of(
                found.isEmpty() ? "INVALID_FIELD" : "DUPLICATE_EXTERNAL_ID",
                "Foreign key external ID: "
                    + fk.value()
                    + (found.isEmpty() ? " not found" : " matches more than one record")
                    + " for field "
                    + fk.field().name()
                    + " in entity "
                    + fk.target().name(),
                List.of()));
      }
      record.put(e.getKey().name(), found.get(0).get("Id"));
    }
  }

  private void derive(
      Transaction tx,
      ObjectDef object,
      Map<String, Object> record,
      Map<String, Object> before,
      Set<FieldDef> changed)
      throws ApiException {
    canonicalPicklists(object, record);
    switch (object.name()) {
      case "Contact", "User" -> {
        Object first = record.get("FirstName");
        Object last = record.get("LastName");
        String name = ((first == null ? "" : first + " ") + (last == null ? "" : last)).trim();
        record.put("Name", name);
      }
      case "Task" -> {
        boolean closed = StandardObjects.CLOSED_TASK_STATUSES.contains(record.get("Status"));
        record.put("IsClosed", closed);
        record.put("IsHighPriority", "High".equals(record.get("Priority")));
        boolean wasClosed = before != null && Boolean.TRUE.equals(before.get("IsClosed"));
        if (!closed) {
          record.remove("CompletedDateTime");
        } else if (!wasClosed) {
          record.put("CompletedDateTime", clock.instant());
        }
        record.put("IsArchived", Boolean.FALSE);
        accountOf(tx, record);
      }
      case "Event" -> {
        EventTimes.derive(object, record, before, changed);
        accountOf(tx, record);
      }
      default -> {
        // no derived fields
      }
    }
  }

  private static void canonicalPicklists(ObjectDef object, Map<String, Object> record) {
    for (FieldDef f : object.fields()) {
      if (f.restrictedPicklist() && record.get(f.name()) instanceof String v) {
        for (String allowed : f.picklistValues()) {
          if (allowed.equalsIgnoreCase(v)) {
            record.put(f.name(), allowed);
          }
        }
      }
    }
  }

  /** An activity's AccountId: its WhatId when that is an Account, else its Contact's account. */
  private static void accountOf(Transaction tx, Map<String, Object> record) {
    Object what = record.get("WhatId");
    Object who = record.get("WhoId");
    String account = null;
    if (what instanceof String w && w.startsWith("001")) {
      account = SalesforceId.canonical(w);
    } else if (who instanceof String c && c.startsWith("003")) {
      Map<String, Object> contact = tx.get(c);
      account = contact == null ? null : (String) contact.get("AccountId");
    }
    if (account == null) {
      record.remove("AccountId");
    } else {
      record.put("AccountId", account);
    }
  }

  private static void validate(
      Transaction tx,
      ObjectDef object,
      Map<String, Object> record,
      String ownId,
      Set<FieldDef> changed)
      throws ApiException {
    List<String> missing = new ArrayList<>();
    for (FieldDef f : object.fields()) {
      if (!f.nillable()
          && f.createable()
          && f.type() != FieldType.BOOLEAN
          && record.get(f.name()) == null) {
        missing.add(f.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new ApiException(
          400,
          ApiError.of(
              "REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing));
    }
    for (FieldDef f : changed) {
      Object value = record.get(f.name());
      if (value == null) {
        continue;
      }
      if (value instanceof String s
          && f.length() > 0
          && f.type() != FieldType.REFERENCE
          && s.length() > f.length()) {
        throw fieldError(
            "STRING_TOO_LONG",
            f.label() + ": data value too large: " + s + " (max length=" + f.length() + ")",
            f);
      }
      if (f.restrictedPicklist() && !f.picklistValues().contains(value)) {
        throw fieldError(
            "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
            f.label() + ": bad value for restricted picklist field: " + value,
            f);
      }
      if (f.type() == FieldType.EMAIL && !EMAIL.matcher((String) value).matches()) {
        throw fieldError(
            "INVALID_EMAIL_ADDRESS", f.label() + ": invalid email address: " + value, f);
      }
      if (f.type() == FieldType.REFERENCE) {
        record.put(f.name(), reference(tx, f, (String) value));
      }
      if (f.unique() || f.externalId()) {
        unique(tx, object, f, value, ownId);
      }
    }
  }

  private static String reference(Transaction tx, FieldDef f, String value) throws ApiException {
    String id = SalesforceId.canonical(value);
    OrgSchema schema = tx.store().schema();
    boolean prefixFits =
        id != null
            && schema
                .byPrefix(SalesforceId.prefix(id))
                .map(o -> f.referenceTo().contains(o.name()))
                .orElse(false);
    if (!prefixFits) {
      throw fieldError("MALFORMED_ID", f.label() + ": id value of incorrect type: " + value, f);
    }
    Map<String, Object> target = tx.get(id);
    if (target == null) {
      throw new ApiException(
          400, ApiError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of()));
    }
    if (Boolean.TRUE.equals(target.get("IsDeleted"))) {
      throw new ApiException(400, ApiError.of("ENTITY_IS_DELETED", "entity is deleted", List.of()));
    }
    return id;
  }

  private static void unique(
      Transaction tx, ObjectDef object, FieldDef f, Object value, String ownId)
      throws ApiException {
    if (!f.unique()) {
      return;
    }
    for (Map<String, Object> other : tx.findBy(object, f, value)) {
      String otherId = (String) other.get("Id");
      if (!otherId.equals(ownId) && !Boolean.TRUE.equals(other.get("IsDeleted"))) {
        throw new ApiException(
            400,
            ApiError.of(
                "DUPLICATE_VALUE",
                "duplicate value found: "
                    + f.name()
                    + " duplicates value on record with id: "
                    + otherId.substring(0, 15),
                List.of()));
      }
    }
  }

  static ApiException fieldError(String code, String message, FieldDef f) {
    return new ApiException(400, ApiError.of(code, message, List.of(f.name())));
  }
}
