package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldInfo;
import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType;
import com.vaultcrmsync.emulator.soql.SoqlSchema.ObjectInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An in-memory org for SOQL tests: a schema with Account, Contact, User, Task and Event (with the
 * custom {@code Vault_Key__c}), records with real-looking 18-character ids, and indexes on {@code
 * Id}, {@code Vault_Key__c} and {@code WhatId}. It counts scans and index lookups so tests can see
 * which path the engine took.
 */
final class TestOrg implements SoqlSchema, SoqlRecordSource {
  private static final Set<String> INDEXED = Set.of("Id", "Vault_Key__c", "WhatId");
  private static final Map<String, String> PREFIXES =
      Map.of("Account", "001", "Contact", "003", "User", "005", "Task", "00T", "Event", "00U");

  private final Map<String, ObjectInfo> objects = new HashMap<>();
  private final Map<String, List<Map<String, Object>>> records = new HashMap<>();
  private final Map<String, Map<String, Object>> byId = new HashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();
  final AtomicInteger scans = new AtomicInteger();
  final List<String> lookups = new ArrayList<>();

  TestOrg() {
    object(
        "Account",
        text("Name"),
        field("Industry", FieldType.PICKLIST),
        field("AnnualRevenue", FieldType.CURRENCY),
        field("NumberOfEmployees", FieldType.INT),
        field("LastActivityDate", FieldType.DATE),
        reference("OwnerId", "Owner", "User"),
        field("Vault_Note__c", FieldType.TEXTAREA));
    object(
        "User",
        text("Name"),
        field("Email", FieldType.EMAIL),
        text("Username"),
        field("IsActive", FieldType.BOOLEAN));
    object(
        "Contact",
        text("LastName"),
        text("Name"),
        reference("AccountId", "Account", "Account"),
        reference("OwnerId", "Owner", "User"));
    object(
        "Task",
        text("Subject"),
        field("Status", FieldType.PICKLIST),
        field("Priority", FieldType.PICKLIST),
        field("ActivityDate", FieldType.DATE),
        field("IsClosed", FieldType.BOOLEAN),
        field("Description", FieldType.TEXTAREA),
        reference("WhatId", "What", "Account", "Opportunity"),
        reference("WhoId", "Who", "Contact", "Lead"),
        reference("OwnerId", "Owner", "User"),
        text("Vault_Key__c"),
        field("CallDurationInSeconds", FieldType.INT));
    object(
        "Event",
        text("Subject"),
        field("StartDateTime", FieldType.DATETIME),
        field("ActivityDate", FieldType.DATE),
        field("DurationInMinutes", FieldType.INT),
        reference("WhatId", "What", "Account", "Opportunity"),
        reference("OwnerId", "Owner", "User"),
        text("Vault_Key__c"));
  }

  /** Adds a record of {@code objectName} with system fields and returns its 18-character id. */
  String add(String objectName, Map<String, Object> fields) {
    String base =
        PREFIXES.get(objectName)
            + "5g"
            + String.format(Locale.ROOT, "%010d", sequence.incrementAndGet());
    String id = SalesforceIds.to18(base);
    Map<String, Object> record = new HashMap<>();
    for (FieldInfo field : objects.get(objectName.toLowerCase(Locale.ROOT)).fields().values()) {
      record.put(field.name(), null);
    }
    record.put("Id", id);
    record.put("IsDeleted", false);
    record.putAll(fields);
    records.computeIfAbsent(objectName, k -> new ArrayList<>()).add(record);
    byId.put(id, record);
    return id;
  }

  /** Marks the record deleted, as the recycle bin does. */
  void delete(String id) {
    byId.get(id).put("IsDeleted", true);
  }

  @Override
  public Optional<ObjectInfo> object(String name) {
    return Optional.ofNullable(objects.get(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  public Stream<Map<String, Object>> scan(String objectName) {
    scans.incrementAndGet();
    return records.getOrDefault(objectName, List.of()).stream();
  }

  @Override
  public Optional<Map<String, Object>> byId(String id) {
    String key = id.length() == 15 ? SalesforceIds.to18(id) : id;
    return Optional.ofNullable(byId.get(key));
  }

  @Override
  public Optional<Collection<Map<String, Object>>> lookup(
      String objectName, String field, Collection<?> values) {
    if (!INDEXED.contains(field)) {
      return Optional.empty();
    }
    lookups.add(objectName + "." + field + "=" + values);
    // Text indexes fold case, as SOQL equality on text is case-insensitive; id indexes do not.
    boolean folded = field.equals("Vault_Key__c");
    Set<Object> keys = new HashSet<>();
    for (Object value : values) {
      keys.add(folded ? ((String) value).toLowerCase(Locale.ROOT) : value);
    }
    List<Map<String, Object>> found = new ArrayList<>();
    for (Map<String, Object> record : records.getOrDefault(objectName, List.of())) {
      Object value = record.get(field);
      if (value != null
          && keys.contains(folded ? ((String) value).toLowerCase(Locale.ROOT) : value)) {
        found.add(record);
      }
    }
    return Optional.of(found);
  }

  private void object(String name, FieldInfo... extra) {
    Map<String, FieldInfo> fields = new LinkedHashMap<>();
    List<FieldInfo> all = new ArrayList<>();
    all.add(field("Id", FieldType.ID));
    all.add(field("IsDeleted", FieldType.BOOLEAN));
    all.add(field("CreatedDate", FieldType.DATETIME));
    all.add(field("SystemModstamp", FieldType.DATETIME));
    all.addAll(List.of(extra));
    for (FieldInfo field : all) {
      fields.put(field.name().toLowerCase(Locale.ROOT), field);
    }
    objects.put(name.toLowerCase(Locale.ROOT), new ObjectInfo(name, fields));
  }

  private static FieldInfo field(String name, FieldType type) {
    return new FieldInfo(name, type, List.of(), null);
  }

  private static FieldInfo text(String name) {
    return field(name, FieldType.STRING);
  }

  private static FieldInfo reference(String name, String relationship, String... targets) {
    return new FieldInfo(name, FieldType.REFERENCE, List.of(targets), relationship);
  }
}
