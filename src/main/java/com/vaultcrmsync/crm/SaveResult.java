package com.vaultcrmsync.crm;

import java.util.List;

/** The outcome of writing one record; {@code errors} is empty when {@code success}. */
public record SaveResult(String id, boolean success, boolean created, List<CrmError> errors) {
  public SaveResult {
    errors = List.copyOf(errors);
  }
}
