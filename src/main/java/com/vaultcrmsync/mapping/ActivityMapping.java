package com.vaultcrmsync.mapping;

import java.util.List;

/**
 * Dated {@code ## Recent Context} entries to activity records (completed Tasks by default). The
 * engine always sets the parent lookup ({@code WhatId}) and the external id field itself.
 *
 * @param file the mapping file it came from
 * @param sObject the API name of the object written for vault entries
 * @param externalIdField the external id field carrying the deterministic vault key
 * @param section the heading whose entries are synced
 * @param fields the fields the vault owns, in file order
 */
public record ActivityMapping(
    String file, String sObject, String externalIdField, String section, List<FieldRule> fields) {

  public ActivityMapping {
    fields = List.copyOf(fields);
  }
}
