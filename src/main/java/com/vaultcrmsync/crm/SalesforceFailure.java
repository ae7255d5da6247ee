package com.vaultcrmsync.crm;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;

/**
 * What went wrong in one call to Salesforce, read from the exception the Camel Salesforce component
 * raised: the HTTP status ({@code 0} when no response arrived), Salesforce's error code ({@code
 * REQUEST_LIMIT_EXCEEDED}, {@code UNABLE_TO_LOCK_ROW}, {@code invalid_grant}, …, or {@code TIMEOUT}
 * / {@code CONNECTION_FAILED} / {@code HTTP_503} when Salesforce gave none) and its message.
 *
 * <p>The message is built from Salesforce's error bodies and the transport failure only, never from
 * the component's exception text, which carries request URLs.
 */
public record SalesforceFailure(int status, String code, String message, boolean transport) {

  private static final int MAX_MESSAGE = 500;
  private static final Pattern LOGIN_ERROR =
      Pattern.compile("Login error code:\\[.*?\\] description:\\[(.*)\\]", Pattern.DOTALL);

  /** Reads the failure from any throwable in whose cause chain the component's exception sits. */
  public static SalesforceFailure of(Throwable failure) {
    SalesforceException withDetail = null;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SalesforceException e
          && (e.getStatusCode() > 0 || (e.getErrors() != null && !e.getErrors().isEmpty()))) {
        withDetail = e;
        break;
      }
    }
    if (withDetail != null) {
      List<RestError> errors = withDetail.getErrors() == null ? List.of() : withDetail.getErrors();
      int status = withDetail.getStatusCode();
      if (!errors.isEmpty()) {
        String code = errors.get(0).getErrorCode();
        String text =
            errors.stream()
                .map(RestError::getMessage)
                .map(SalesforceFailure::withoutLoginPrefix)
                .distinct()
                .collect(Collectors.joining("; "));
        return new SalesforceFailure(
            status, code == null ? "HTTP_" + status : code, cut(text), false);
      }
      if (status >= 200 && status < 300) {
        // The answer was fine but could not be read, e.g. larger than httpMaxContentLength.
        Throwable root = withDetail;
        while (root.getCause() != null && root.getCause() != root) {
          root = root.getCause();
        }
        return new SalesforceFailure(
            status,
            "RESPONSE_FAILED",
            cut(
                "reading the response failed: "
                    + root.getClass().getSimpleName()
                    + ": "
                    + root.getMessage()),
            false);
      }
      return new SalesforceFailure(status, "HTTP_" + status, "HTTP status " + status, false);
    }
    Throwable transport = transportCause(failure);
    if (transport instanceof TimeoutException) {
      return new SalesforceFailure(0, "TIMEOUT", "no response from Salesforce in time", true);
    }
    if (transport != null) {
      String text = transport.getMessage() == null ? "" : ": " + transport.getMessage();
      return new SalesforceFailure(
          0, "CONNECTION_FAILED", cut(transport.getClass().getSimpleName() + text), true);
    }
    return new SalesforceFailure(
        0,
        "CRM_ERROR",
        cut(failure.getClass().getSimpleName() + " while calling Salesforce"),
        false);
  }

  /**
   * True for failures that may pass when the same call is repeated: 500/502/503/504, timeouts,
   * connection failures and {@code UNABLE_TO_LOCK_ROW}. Never for {@code REQUEST_LIMIT_EXCEEDED}
   * nor for other 4xx answers.
   */
  public boolean isTransient() {
    if ("REQUEST_LIMIT_EXCEEDED".equals(code)) {
      return false;
    }
    if ("UNABLE_TO_LOCK_ROW".equals(code) || transport) {
      return true;
    }
    return status == 500 || status == 502 || status == 503 || status == 504;
  }

  private static Throwable transportCause(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      // A JSON parse error is an IOException too, but repeating the call will not fix it.
      if (t instanceof TimeoutException
          || (t instanceof IOException && !t.getClass().getName().startsWith("com.fasterxml"))) {
        return t;
      }
    }
    return null;
  }

  /** The component words OAuth errors as "Login error code:[X] description:[Y]"; keep Y. */
  private static String withoutLoginPrefix(String message) {
    if (message == null) {
      return "";
    }
    Matcher m = LOGIN_ERROR.matcher(message);
    return m.matches() ? m.group(1) : message;
  }

  private static String cut(String text) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
  }
}
