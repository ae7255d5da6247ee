package com.vaultcrmsync.emulator.soql;

import java.util.LinkedHashMap;

/**
 * One queried record: its selected fields in select-list order with canonical names and typed
 * values, plus what the server needs for {@code attributes} — the record's concrete object type and
 * id — carried outside the map so that the map holds nothing but fields. Both result rows and
 * nested parent records ({@code What}, {@code Owner}, {@code Account}) are instances, so the server
 * writes {@code "attributes": {"type": objectName(), "url": ".../sobjects/" + objectName() + "/" +
 * id()}} first and then the entries. The id is known even when {@code Id} was not selected, as
 * Salesforce's {@code attributes.url} requires.
 */
public final class SoqlRecord extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;

  private final String objectName;
  private final String id;

  public SoqlRecord(String objectName, String id) {
    this.objectName = objectName;
    this.id = id;
  }

  /** The concrete object type, e.g. {@code Account} for a {@code What} that points at one. */
  public String objectName() {
    return objectName;
  }

  /** The record's 18-character id. */
  public String id() {
    return id;
  }
}
