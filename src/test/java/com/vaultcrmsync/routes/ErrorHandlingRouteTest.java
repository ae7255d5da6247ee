package com.vaultcrmsync.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.crm.CrmRetryLogger;
import com.vaultcrmsync.crm.CrmRetryPolicy;
import com.vaultcrmsync.crm.SecretMask;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.ReplaceInRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves routes/error-handling.camel.yaml on every templated crm route: a transient Salesforce
 * failure is retried (and each retry logged) up to crm.retry.max-retries; others fail at once.
 */
@CamelMainTest(
    propertyPlaceholderLocations = "classpath:config/application.properties",
    properties = {
      "camel.main.routes-include-pattern="
          + "classpath:routes/crm.camel.yaml,classpath:routes/error-handling.camel.yaml",
      "camel.component.salesforce.lazy-login=true",
      "crm.retry.initial-delay-ms=1",
      "crm.retry.max-delay-ms=5"
    })
class ErrorHandlingRouteTest {
  private static final String ANSWER = "answer from Salesforce";

  private final ScriptedSalesforce salesforce = new ScriptedSalesforce();
  private final List<Integer> retriesLogged = new CopyOnWriteArrayList<>();
  private final CrmRetryLogger realLogger = new CrmRetryLogger(SecretMask.none());

  @ReplaceInRegistry CrmRetryPolicy crmRetryPolicy = new CrmRetryPolicy();

  @ReplaceInRegistry
  Processor crmRetryLogger =
      exchange -> {
        retriesLogged.add(exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, int.class));
        realLogger.process(exchange);
      };

  @BeanInject CamelContext camel;

  @Produce ProducerTemplate template;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "crm-query",
        "crm-query-all",
        "crm-query-more",
        "crm-create",
        "crm-update",
        "crm-upsert",
        "crm-delete",
        "crm-limits"
      })
  void aTransientFailureIsRetriedAndThenSucceeds(String routeId) throws Exception {
    salesforce.failWith(503, "SERVER_UNAVAILABLE", 2);

    Exchange done = call(routeId);

    assertThat(done.getException()).isNull();
    assertThat(done.getMessage().getBody()).isEqualTo(ANSWER);
    assertThat(salesforce.attempts).hasValue(3);
    assertThat(retriesLogged).containsExactly(1, 2);
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @CsvSource({"400, INVALID_FIELD", "403, REQUEST_LIMIT_EXCEEDED", "404, NOT_FOUND"})
  void aNonTransientFailureFailsAtOnceWithoutRetry(int status, String code) throws Exception {
    salesforce.failWith(status, code, 1);

    Exchange done = call("crm-upsert");

    assertThat(done.getException())
        .isInstanceOfSatisfying(
            SalesforceException.class, e -> assertThat(e.getStatusCode()).isEqualTo(status));
    assertThat(salesforce.attempts).hasValue(1);
    assertThat(retriesLogged).isEmpty();
  }

  @Test
  void aTransientFailureThatLastsFailsAfterTheConfiguredRetries() throws Exception {
    salesforce.failWith(503, "SERVER_UNAVAILABLE", 10);

    Exchange done = call("crm-query");

    assertThat(done.getException()).isInstanceOf(SalesforceException.class);
    assertThat(salesforce.attempts).as("1 call + crm.retry.max-retries (3)").hasValue(4);
    assertThat(retriesLogged).containsExactly(1, 2, 3);
  }

  /** Replaces the route's Salesforce call with the scripted one, then calls the route. */
  private Exchange call(String routeId) throws Exception {
    AdviceWith.adviceWith(
        camel, routeId, a -> a.weaveByToUri("salesforce:*").replace().process(salesforce));
    return template.request("direct:" + routeId, e -> e.getMessage().setBody("request"));
  }

  /** Fails the first calls with a Salesforce error, then answers. */
  static final class ScriptedSalesforce implements Processor {
    final AtomicInteger attempts = new AtomicInteger();
    private final Deque<SalesforceException> failures = new ArrayDeque<>();

    void failWith(int status, String code, int times) {
      for (int i = 0; i < times; i++) {
        failures.add(new SalesforceException(List.of(new RestError(code, "injected")), status));
      }
    }

    @Override
    public void process(Exchange exchange) throws SalesforceException {
      attempts.incrementAndGet();
      SalesforceException failure = failures.poll();
      if (failure != null) {
        throw failure;
      }
      exchange.getMessage().setBody(ANSWER);
    }
  }
}
