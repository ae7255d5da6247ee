package com.vaultcrmsync.crm;

import java.util.List;

/** One Salesforce error: {@code statusCode}/{@code errorCode}, message and the fields involved. */
public record CrmError(String code, String message, List<String> fields) {
  public CrmError {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }
}
