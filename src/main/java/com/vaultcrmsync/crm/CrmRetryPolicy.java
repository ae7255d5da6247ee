package com.vaultcrmsync.crm;

import org.apache.camel.Exchange;

/**
 * The {@code onWhen} of the retrying {@code onException} in {@code
 * routes/error-handling.camel.yaml} (bean {@code crmRetryPolicy}): decides whether a failed
 * Salesforce call is worth repeating.
 */
public final class CrmRetryPolicy {

  /**
   * True when the exchange failed with a transient failure ({@link SalesforceFailure#isTransient}).
   */
  public boolean isTransient(Exchange exchange) {
    Throwable failure = exchange.getException();
    if (failure == null) {
      failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
    return failure != null && SalesforceFailure.of(failure).isTransient();
  }
}
