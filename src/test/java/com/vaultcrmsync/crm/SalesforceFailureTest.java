package com.vaultcrmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.junit.jupiter.api.Test;

/** Proves which Salesforce failures count as transient (retried) and which fail at once. */
class SalesforceFailureTest {

  private static SalesforceException rest(int status, String code) {
    return new SalesforceException(
        List.of(new RestError(code, "text of " + code)), status, "Unexpected error: http://x?q=y");
  }

  @Test
  void serverErrorsAndLockedRowsAreTransient() {
    assertThat(SalesforceFailure.of(rest(503, "SERVER_UNAVAILABLE")).isTransient()).isTrue();
    assertThat(SalesforceFailure.of(rest(500, "UNKNOWN_EXCEPTION")).isTransient()).isTrue();
    assertThat(SalesforceFailure.of(new SalesforceException("bad gateway", 502)).isTransient())
        .isTrue();
    assertThat(SalesforceFailure.of(rest(400, "UNABLE_TO_LOCK_ROW")).isTransient()).isTrue();
  }

  @Test
  void theDailyLimitAndValidationErrorsAreNotTransient() {
    SalesforceFailure limit = SalesforceFailure.of(rest(403, "REQUEST_LIMIT_EXCEEDED"));
    assertThat(limit.isTransient()).isFalse();
    assertThat(limit.code()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    assertThat(SalesforceFailure.of(rest(400, "REQUIRED_FIELD_MISSING")).isTransient()).isFalse();
    assertThat(SalesforceFailure.of(rest(404, "NOT_FOUND")).isTransient()).isFalse();
  }

  @Test
  void timeoutsAndRefusedConnectionsAreTransientEvenWhenWrapped() {
    SalesforceFailure timeout =
        SalesforceFailure.of(
            new CamelExecutionException(
                "failed",
                null,
                new SalesforceException("Unexpected error", 0, new TimeoutException("slow"))));
    SalesforceFailure refused =
        SalesforceFailure.of(
            new SalesforceException("Unexpected error", 0, new ConnectException("refused")));

    assertThat(timeout.code()).isEqualTo("TIMEOUT");
    assertThat(timeout.isTransient()).isTrue();
    assertThat(refused.code()).isEqualTo("CONNECTION_FAILED");
    assertThat(refused.isTransient()).isTrue();
  }

  @Test
  void anUnreadableResponseIsNotRetried() {
    SalesforceException parse =
        new SalesforceException("Error parsing JSON response", new JsonParseException("bad"));

    assertThat(SalesforceFailure.of(parse).isTransient()).isFalse();
  }

  @Test
  void theMessageComesFromSalesforcesErrorsNotFromTheRequestUrl() {
    SalesforceFailure failure = SalesforceFailure.of(rest(400, "INVALID_FIELD"));

    assertThat(failure.message()).isEqualTo("text of INVALID_FIELD").doesNotContain("http://");
  }

  @Test
  void aRefusedLoginKeepsTheOAuthErrorAndItsDescription() {
    SalesforceException login =
        new SalesforceException(
            List.of(
                new RestError(
                    "invalid_grant",
                    "Login error code:[invalid_grant] description:[authentication failure]")),
            400);

    SalesforceFailure failure = SalesforceFailure.of(login);

    assertThat(failure.code()).isEqualTo("invalid_grant");
    assertThat(failure.message()).isEqualTo("authentication failure");
    assertThat(failure.isTransient()).isFalse();
  }
}
