package com.vaultcrmsync.crm;

/**
 * A call that failed as a whole after the gateway's bounded retries: the org's daily limit was
 * reached ({@code REQUEST_LIMIT_EXCEEDED}), login failed, or the CRM kept failing. The message
 * never contains a secret.
 */
public class CrmException extends RuntimeException {
  private final String code;

  public CrmException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** Salesforce's error code when known ({@code REQUEST_LIMIT_EXCEEDED}, …), else null. */
  public String code() {
    return code;
  }

  public boolean isLimitExceeded() {
    return "REQUEST_LIMIT_EXCEEDED".equals(code);
  }
}
