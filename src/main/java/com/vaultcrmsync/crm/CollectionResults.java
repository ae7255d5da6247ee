package com.vaultcrmsync.crm;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.component.salesforce.api.dto.DeleteSObjectResult;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;

/**
 * Reads the component's sObject Collections results ({@code SaveSObjectResult}, {@code
 * UpsertSObjectResult}, {@code DeleteSObjectResult}) into {@link SaveResult}s, one per record in
 * input order; a reply of the wrong length is a {@code MALFORMED_RESPONSE}.
 */
final class CollectionResults {
  private final SecretMask mask;

  CollectionResults(SecretMask mask) {
    this.mask = mask;
  }

  List<SaveResult> read(List<?> results, int expected) {
    if (results.size() != expected) {
      throw new CrmException(
          "MALFORMED_RESPONSE",
          "Salesforce returned " + results.size() + " results for " + expected + " records",
          null);
    }
    List<SaveResult> out = new ArrayList<>(expected);
    for (Object result : results) {
      out.add(read(result));
    }
    return out;
  }

  private SaveResult read(Object result) {
    if (result instanceof SaveSObjectResult save) {
      boolean created =
          save instanceof UpsertSObjectResult upsert && Boolean.TRUE.equals(upsert.getCreated());
      return new SaveResult(
          save.getId(), Boolean.TRUE.equals(save.getSuccess()), created, errors(save.getErrors()));
    }
    if (result instanceof DeleteSObjectResult deleted) {
      return new SaveResult(
          deleted.getId(),
          Boolean.TRUE.equals(deleted.getSuccess()),
          false,
          errors(deleted.getErrors()));
    }
    throw new CrmException(
        "MALFORMED_RESPONSE",
        "unexpected Salesforce result " + (result == null ? "null" : result.getClass()),
        null);
  }

  private List<CrmError> errors(List<RestError> errors) {
    if (errors == null) {
      return List.of();
    }
    return errors.stream()
        .map(e -> new CrmError(e.getErrorCode(), mask.apply(e.getMessage()), e.getFields()))
        .toList();
  }
}
