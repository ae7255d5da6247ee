package com.vaultcrmsync.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CrmGateway} over the {@code direct:crm-*} routes ({@code routes/crm.camel.yaml}),
 * which send every call through the Camel Salesforce component. Writes go out in chunks of {@value
 * #CHUNK} with {@code allOrNone=false}; results come back in input order. Retries of transient
 * failures happen in the routes; what still fails becomes a {@link CrmException} whose message
 * names the operation and Salesforce's error, never a secret.
 *
 * <p>{@link #usage()} counts the calls made since this gateway was created (a runtime hands out a
 * fresh gateway per run). {@link #close()} releases the producer; the Camel context stays up.
 */
public final class CamelCrmGateway implements CrmGateway {

  /** sObject Collections take at most 200 records a call. */
  public static final int CHUNK = 200;

  /** Exchange property naming the Salesforce operation, for log lines. */
  public static final String OPERATION = "vaultcrmsync.crm.operation";

  /** Collections calls never roll back good records because of a bad one. */
  private static final Map<String, Object> PARTIAL_OK = Map.of("allOrNone", "false");

  private static final Logger LOG = LoggerFactory.getLogger(CamelCrmGateway.class);

  private final ProducerTemplate template;
  private final ApiCallLedger ledger;
  private final SecretMask mask;
  private final ApiUsage baseline;
  private final CollectionResults results;
  private final LockedRowRetry lockedRows;

  public CamelCrmGateway(CamelContext context, ApiCallLedger ledger, SecretMask mask) {
    this.template = context.createProducerTemplate();
    this.ledger = ledger;
    this.mask = mask;
    this.baseline = ledger.snapshot();
    this.results = new CollectionResults(mask);
    this.lockedRows = new LockedRowRetry(RetryBackoff.from(context));
  }

  @Override
  public long query(String soql, boolean includeDeleted, Consumer<Map<String, Object>> sink) {
    String first = includeDeleted ? "queryAll" : "query";
    Map<?, ?> page =
        call(first, includeDeleted ? "direct:crm-query-all" : "direct:crm-query", soql, Map.of());
    long count = 0;
    while (true) {
      for (Object record : RecordShapes.records(page)) {
        sink.accept(RecordShapes.plain((Map<?, ?>) record));
        count++;
      }
      Object next = page.get("nextRecordsUrl");
      if (Boolean.TRUE.equals(page.get("done")) || next == null) {
        return count;
      }
      page = call("queryMore", "direct:crm-query-more", next.toString(), Map.of());
    }
  }

  @Override
  public List<SaveResult> upsert(
      String sObject, String externalIdField, List<Map<String, Object>> records) {
    Map<String, Object> headers =
        Map.of("sObjectName", sObject, "sObjectIdName", externalIdField, "allOrNone", "false");
    return write(
        "compositeUpsertSObjectCollections", "direct:crm-upsert", sObject, records, headers);
  }

  @Override
  public List<SaveResult> create(String sObject, List<Map<String, Object>> records) {
    // Every record a create wrote is a new one.
    return write(
            "compositeCreateSObjectCollections", "direct:crm-create", sObject, records, PARTIAL_OK)
        .stream()
        .map(r -> new SaveResult(r.id(), r.success(), r.success(), r.errors()))
        .toList();
  }

  @Override
  public List<SaveResult> update(String sObject, List<Map<String, Object>> records) {
    return write(
        "compositeUpdateSObjectCollections", "direct:crm-update", sObject, records, PARTIAL_OK);
  }

  @Override
  public List<SaveResult> delete(List<String> ids) {
    return inChunks(
        ids,
        chunk -> {
          List<?> replies =
              call(
                  "compositeDeleteSObjectCollections",
                  "direct:crm-delete",
                  new ArrayList<>(chunk),
                  PARTIAL_OK);
          return results.read(replies, chunk.size());
        });
  }

  /**
   * Reads the org's {@code DailyApiRequests} through the {@code limits} resource (one API call) and
   * returns the usage with the daily allowance filled in, so a run can budget before it starts.
   */
  public ApiUsage refreshLimits() {
    Limits limits = call("limits", "direct:crm-limits", null, Map.of());
    Limits.Usage daily = limits.getDailyApiRequests();
    if (daily != null && !daily.isUnknown()) {
      ledger.recordDaily(daily.getMax() - daily.getRemaining(), daily.getMax());
    }
    return usage();
  }

  @Override
  public ApiUsage usage() {
    return ledger.since(baseline);
  }

  @Override
  public void close() {
    try {
      template.close();
    } catch (Exception e) {
      LOG.debug("Closing the producer template failed", e);
    }
  }

  /** Sends one request through a route and returns its reply, or throws a CrmException. */
  @SuppressWarnings("unchecked")
  private <T> T call(String operation, String uri, Object body, Map<String, Object> headers) {
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

  private List<SaveResult> write(
      String operation,
      String uri,
      String sObject,
      List<Map<String, Object>> records,
      Map<String, Object> headers) {
    return inChunks(
        records,
        chunk -> {
          List<?> replies = call(operation, uri, RecordShapes.typed(sObject, chunk), headers);
          return results.read(replies, chunk.size());
        });
  }

  private <I> List<SaveResult> inChunks(
      List<I> items, Function<List<I>, List<SaveResult>> perChunk) {
    List<SaveResult> all = new ArrayList<>(items.size());
    for (int from = 0; from < items.size(); from += CHUNK) {
      all.addAll(
          lockedRows.send(items.subList(from, Math.min(items.size(), from + CHUNK)), perChunk));
    }
    return all;
  }
}
