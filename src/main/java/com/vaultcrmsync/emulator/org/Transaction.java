package com.vaultcrmsync.emulator.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request's writes: staged record versions that become visible together on {@link #commit}.
 * Holds the org's write lock from {@link OrgStore#begin} until {@link #close}; closing without
 * committing discards everything (an allOrNone rollback).
 */
public final class Transaction implements AutoCloseable {

  private final OrgStore store;
  private final Map<String, Map<String, Object>> staged = new LinkedHashMap<>();
  private boolean open = true;

  Transaction(OrgStore store) {
    this.store = store;
  }

  public OrgStore store() {
    return store;
  }

  /** The current version of a record (staged or committed), or null; any id form accepted. */
  public Map<String, Object> get(String id) {
    String canonical = SalesforceId.canonical(id);
    if (canonical == null) {
      return null;
    }
    Map<String, Object> mine = staged.get(canonical);
    return mine != null ? mine : store.byId(canonical).orElse(null);
  }

  /** Stages a new version of a record. */
  public void put(Map<String, Object> record) {
    staged.put((String) record.get("Id"), record);
  }

  /** Staged versions, in staging order. */
  Collection<Map<String, Object>> staged() {
    return staged.values();
  }

  /**
   * Current versions of the object's records whose indexed field equals {@code value}
   * (case-insensitive text), deleted ones included.
   */
  public List<Map<String, Object>> findBy(ObjectDef object, FieldDef field, Object value) {
    Object key = OrgStore.indexKey(field, value);
    List<Map<String, Object>> found = new ArrayList<>();
    if (key == null) {
      return found;
    }
    for (Map<String, Object> committed : store.findBy(object, field, value)) {
      if (!staged.containsKey((String) committed.get("Id"))) {
        found.add(committed);
      }
    }
    for (Map<String, Object> mine : staged.values()) {
      String id = (String) mine.get("Id");
      if (SalesforceId.prefix(id).equals(object.keyPrefix())
          && key.equals(OrgStore.indexKey(field, mine.get(field.name())))) {
        found.add(mine);
      }
    }
    return found;
  }

  /** Applies derived fields and publishes every staged version. */
  public void commit(Instant now) {
    if (staged.isEmpty()) {
      return;
    }
    ActivityRollup.apply(this, now);
    store.publishAll(staged.values());
    staged.clear();
  }

  @Override
  public void close() {
    if (open) {
      open = false;
      staged.clear();
      store.unlock();
    }
  }
}
