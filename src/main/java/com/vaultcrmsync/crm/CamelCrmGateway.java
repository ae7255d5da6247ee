package com.vaultcrmsync.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.DeleteSObjectResult;
import org.apache.camel.component.salesforce.api.dto.Limits;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CrmGateway} over the {@code direct:crm-*} routes ({@code routes/crm-*.camel.yaml}),
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

  private static final Logger LOG = LoggerFactory.getLogger(CamelCrmGateway.class);
  private static final String ATTRIBUTES = "attributes";

  private final ProducerTemplate template;
  private final ApiCallLedger ledger;
  private final SecretMask mask;
  private final ApiUsage baseline;
  private final RetryBackoff backoff;

  public CamelCrmGateway(CamelContext context, ApiCallLedger ledger, SecretMask mask) {
    this.template = context.createProducerTemplate();
    this.ledger = ledger;
    this.mask = mask;
    this.baseline = ledger.snapshot();
    this.backoff = RetryBackoff.from(context);
  }

  @Override
  public long query(String soql, boolean includeDeleted, Consumer<Map<String, Object>> sink) {
    String first = includeDeleted ? "queryAll" : "query";
    Map<?, ?> page =
        call(first, includeDeleted ? "direct:crm-query-all" : "direct:crm-query", soql, Map.of());
    long count = 0;
    while (true) {
      for (Object record : records(page)) {
        sink.accept(plain((Map<?, ?>) record));
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
    return inChunks(
        records,
        chunk -> {
          List<?> results =
              call(
                  "compositeUpsertSObjectCollections",
                  "direct:crm-upsert",
                  typed(sObject, chunk),
                  headers);
          return saveResults(results, chunk.size());
        });
  }

  @Override
  public List<SaveResult> create(String sObject, List<Map<String, Object>> records) {
    return inChunks(
        records,
        chunk -> {
          List<?> results =
              call(
                  "compositeCreateSObjectCollections",
                  "direct:crm-create",
                  typed(sObject, chunk),
                  Map.of("allOrNone", "false"));
          // Every record a create wrote is a new one.
          return saveResults(results, chunk.size()).stream()
              .map(r -> new SaveResult(r.id(), r.success(), r.success(), r.errors()))
              .toList();
        });
  }

  @Override
  public List<SaveResult> update(String sObject, List<Map<String, Object>> records) {
    return inChunks(
        records,
        chunk -> {
          List<?> results =
              call(
                  "compositeUpdateSObjectCollections",
                  "direct:crm-update",
                  typed(sObject, chunk),
                  Map.of("allOrNone", "false"));
          return saveResults(results, chunk.size());
        });
  }

  @Override
  public List<SaveResult> delete(List<String> ids) {
    return inChunks(
        ids,
        chunk -> {
          List<?> results =
              call(
                  "compositeDeleteSObjectCollections",
                  "direct:crm-delete",
                  new ArrayList<>(chunk),
                  Map.of("allOrNone", "false"));
          return saveResults(results, chunk.size());
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
    ApiUsage now = ledger.snapshot();
    Map<String, Integer> since = new TreeMap<>();
    now.byOperation()
        .forEach(
            (op, n) -> {
              int delta = n - baseline.byOperation().getOrDefault(op, 0);
              if (delta > 0) {
                since.put(op, delta);
              }
            });
    int calls = since.values().stream().mapToInt(Integer::intValue).sum();
    return new ApiUsage(calls, Map.copyOf(since), now.dailyUsed(), now.dailyMax());
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

  private <I> List<SaveResult> inChunks(
      List<I> items, Function<List<I>, List<SaveResult>> perChunk) {
    List<SaveResult> all = new ArrayList<>(items.size());
    for (int from = 0; from < items.size(); from += CHUNK) {
      List<I> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
      all.addAll(withLockRetries(chunk, perChunk));
    }
    return all;
  }

  /**
   * Sends the records that came back {@code UNABLE_TO_LOCK_ROW} again, with the backoff of {@code
   * crm.retry.*}: a locked record was not written, so repeating it is safe for every operation.
   */
  private <I> List<SaveResult> withLockRetries(
      List<I> chunk, Function<List<I>, List<SaveResult>> send) {
    List<SaveResult> results = new ArrayList<>(send.apply(chunk));
    for (int retry = 1; retry <= backoff.maxRetries(); retry++) {
      List<Integer> locked = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        if (isLocked(results.get(i))) {
          locked.add(i);
        }
      }
      if (locked.isEmpty()) {
        break;
      }
      LOG.warn(
          "{} record(s) locked in Salesforce (UNABLE_TO_LOCK_ROW), retry {} of {}",
          locked.size(),
          retry,
          backoff.maxRetries());
      pause(backoff.delayBefore(retry));
      List<SaveResult> again = send.apply(locked.stream().map(chunk::get).toList());
      for (int k = 0; k < locked.size(); k++) {
        results.set(locked.get(k), again.get(k));
      }
    }
    return results;
  }

  private static boolean isLocked(SaveResult result) {
    return !result.success()
        && result.errors().stream().anyMatch(e -> "UNABLE_TO_LOCK_ROW".equals(e.code()));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CrmException("INTERRUPTED", "interrupted while waiting to retry", null);
    }
  }

  private static List<Map<String, Object>> typed(String sObject, List<Map<String, Object>> chunk) {
    List<Map<String, Object>> out = new ArrayList<>(chunk.size());
    for (Map<String, Object> record : chunk) {
      Map<String, Object> copy = new LinkedHashMap<>();
      copy.put(ATTRIBUTES, Map.of("type", sObject));
      record.forEach(
          (k, v) -> {
            if (!ATTRIBUTES.equals(k)) {
              copy.put(k, v);
            }
          });
      out.add(copy);
    }
    return out;
  }

  private List<SaveResult> saveResults(List<?> results, int expected) {
    if (results.size() != expected) {
      throw new CrmException(
          "MALFORMED_RESPONSE",
          "Salesforce returned " + results.size() + " results for " + expected + " records",
          null);
    }
    List<SaveResult> out = new ArrayList<>(expected);
    for (Object r : results) {
      out.add(saveResult(r));
    }
    return out;
  }

  private SaveResult saveResult(Object result) {
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
        "MALFORMED_RESPONSE", "unexpected Salesforce result " + result.getClass(), null);
  }

  private List<CrmError> errors(List<RestError> errors) {
    if (errors == null) {
      return List.of();
    }
    return errors.stream()
        .map(e -> new CrmError(e.getErrorCode(), mask.apply(e.getMessage()), e.getFields()))
        .toList();
  }

  private static List<?> records(Map<?, ?> page) {
    Object records = page.get("records");
    return records instanceof List<?> list ? list : List.of();
  }

  /** A query record as a plain map: {@code attributes} removed here and in nested parents. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(Map<?, ?> record) {
    Map<String, Object> out = new LinkedHashMap<>();
    record.forEach(
        (k, v) -> {
          if (ATTRIBUTES.equals(k)) {
            return;
          }
          out.put((String) k, v instanceof Map<?, ?> nested ? plain(nested) : v);
        });
    return out;
  }
}
