package com.vaultcrmsync.crm;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each retry of a Salesforce call (bean {@code crmRetryLogger}, the {@code onRedeliveryRef} of
 * {@code routes/error-handling.camel.yaml}): operation, attempt and why, without request bodies,
 * URLs or secrets.
 */
public final class CrmRetryLogger implements Processor {
  private static final Logger LOG = LoggerFactory.getLogger(CrmRetryLogger.class);
  private final SecretMask mask;

  public CrmRetryLogger(SecretMask mask) {
    this.mask = mask;
  }

  @Override
  public void process(Exchange exchange) {
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    SalesforceFailure why =
        failure == null
            ? new SalesforceFailure(0, "UNKNOWN", "unknown failure", false)
            : SalesforceFailure.of(failure);
    int attempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
    Integer max = exchange.getMessage().getHeader(Exchange.REDELIVERY_MAX_COUNTER, Integer.class);
    Long delay = exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
    String operation = exchange.getProperty(CrmRoutes.OPERATION, String.class);
    LOG.warn(
        "Salesforce {} failed with {}{}: {}; retry {} of {}{}",
        operation == null ? "call in route " + exchange.getFromRouteId() : operation,
        why.code(),
        why.status() > 0 ? " (HTTP " + why.status() + ")" : "",
        mask.apply(why.message()),
        attempt,
        max == null ? "?" : max,
        delay == null ? "" : " in " + delay + " ms");
  }
}
