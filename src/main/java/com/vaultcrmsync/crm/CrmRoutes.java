package com.vaultcrmsync.crm;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request through a {@code direct:crm-*} route ({@code routes/crm.camel.yaml}) and
 * returns its reply: the one way the gateway and the writers reach the Camel Salesforce component.
 * Every reply's {@code Sforce-Limit-Info} goes to the ledger; what still fails after the routes'
 * retries becomes a {@link CrmException} whose message names the operation and Salesforce's error,
 * never a secret.
 */
public final class CrmRoutes implements AutoCloseable {

  /** Exchange property naming the Salesforce operation, for log lines. */
  public static final String OPERATION = "vaultcrmsync.crm.operation";

  private static final Logger LOG = LoggerFactory.getLogger(CrmRoutes.class);

  private final ProducerTemplate template;
  private final ApiCallLedger ledger;
  private final SecretMask mask;

  CrmRoutes(CamelContext context, ApiCallLedger ledger, SecretMask mask) {
    this.template = context.createProducerTemplate();
    this.ledger = ledger;
    this.mask = mask;
  }

  /** Sends one request through a route and returns its reply, or throws a CrmException. */
  @SuppressWarnings("unchecked")
  <T> T call(String operation, String uri, Object body, Map<String, Object> headers) {
    Exchange reply =
        template.send(
            uri,
            exchange -> {
              exchange.setProperty(OPERATION, operation);
              exchange.getIn().setBody(body);
              exchange.getIn().getHeaders().putAll(headers);
            });
    ledger.recordLimitInfo(
        reply.getMessage().getHeader(ApiCallLedger.LIMIT_INFO_HEADER, String.class));
    if (reply.getException() != null) {
      throw failure(operation, reply);
    }
    Object result = reply.getMessage().getBody();
    if (result == null) {
      throw new CrmException(
          "MALFORMED_RESPONSE", "Salesforce " + operation + " returned no body", null);
    }
    return (T) result;
  }

  /** Releases the producer; the Camel context stays up. */
  @Override
  public void close() {
    try {
      template.close();
    } catch (Exception e) {
      LOG.debug("Closing the producer template failed", e);
    }
  }

  private CrmException failure(String operation, Exchange reply) {
    SalesforceFailure why = SalesforceFailure.of(reply.getException());
    int attempts = 1 + reply.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
    String status = why.status() > 0 ? " (HTTP " + why.status() + ")" : "";
    String message =
        mask.apply(
            "Salesforce "
                + operation
                + " failed after "
                + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ")
                + why.code()
                + status
                + " "
                + why.message());
    LOG.warn(message);
    // The component's exception text carries request URLs; only the cleaned message travels on.
    return new CrmException(why.code(), message, null);
  }
}
