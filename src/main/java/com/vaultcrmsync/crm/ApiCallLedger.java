package com.vaultcrmsync.crm;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts every request the Camel Salesforce component sends, by operation ({@code query}, {@code
 * queryMore}, {@code compositeUpsertSObjectCollections}, …) — retries included, since each
 * redelivery is a new send — and keeps the daily allowance from the latest {@code
 * Sforce-Limit-Info} response header. Registered as an event notifier before the context starts.
 */
public final class ApiCallLedger extends EventNotifierSupport {

  /** The response header Salesforce puts on every REST answer. */
  public static final String LIMIT_INFO_HEADER = "Sforce-Limit-Info";

  private static final Pattern API_USAGE = Pattern.compile("(?:^|[^-])api-usage=(\\d+)/(\\d+)");

  private final Map<String, AtomicInteger> byOperation = new ConcurrentHashMap<>();
  private volatile Integer dailyUsed;
  private volatile Integer dailyMax;

  public ApiCallLedger() {
    setIgnoreCamelContextEvents(true);
    setIgnoreRouteEvents(true);
    setIgnoreServiceEvents(true);
    setIgnoreStepEvents(true);
    setIgnoreExchangeCreatedEvent(true);
    setIgnoreExchangeCompletedEvent(true);
    setIgnoreExchangeFailedEvents(true);
    setIgnoreExchangeRedeliveryEvents(true);
  }

  @Override
  public boolean isEnabled(CamelEvent event) {
    // Camel only times a send (and later emits "sent") when a notifier accepted "sending".
    return (event instanceof CamelEvent.ExchangeSendingEvent sending
            && isSalesforce(sending.getEndpoint()))
        || (event instanceof CamelEvent.ExchangeSentEvent sent && isSalesforce(sent.getEndpoint()));
  }

  @Override
  public void notify(CamelEvent event) {
    if (!(event instanceof CamelEvent.ExchangeSentEvent sent)) {
      return;
    }
    String operation = operationOf(sent.getEndpoint().getEndpointUri());
    byOperation.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    recordLimitInfo(sent.getExchange().getMessage().getHeader(LIMIT_INFO_HEADER, String.class));
  }

  /**
   * Reads {@code api-usage=USED/MAX} from a {@code Sforce-Limit-Info} value; ignores anything else.
   */
  public void recordLimitInfo(String header) {
    if (header == null) {
      return;
    }
    Matcher m = API_USAGE.matcher(header);
    if (m.find()) {
      recordDaily(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
  }

  /** Records the org's daily API requests as used/max (from a header or the limits resource). */
  public synchronized void recordDaily(int used, int max) {
    dailyUsed = used;
    dailyMax = max;
  }

  /** Calls counted so far, by operation, and the latest daily allowance. */
  public synchronized ApiUsage snapshot() {
    Map<String, Integer> counts = new TreeMap<>();
    byOperation.forEach((op, n) -> counts.put(op, n.get()));
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    return new ApiUsage(total, Map.copyOf(counts), dailyUsed, dailyMax);
  }

  /**
   * Calls counted since {@code baseline} (an earlier snapshot), with the latest daily allowance.
   */
  public ApiUsage since(ApiUsage baseline) {
    ApiUsage now = snapshot();
    Map<String, Integer> delta = new TreeMap<>();
    now.byOperation()
        .forEach(
            (op, n) -> {
              int more = n - baseline.byOperation().getOrDefault(op, 0);
              if (more > 0) {
                delta.put(op, more);
              }
            });
    int calls = delta.values().stream().mapToInt(Integer::intValue).sum();
    return new ApiUsage(calls, Map.copyOf(delta), now.dailyUsed(), now.dailyMax());
  }

  /** The operation name in a Salesforce endpoint URI such as {@code salesforce://query?…}. */
  public static String operationOf(String endpointUri) {
    if (endpointUri == null) {
      return "unknown";
    }
    String rest = endpointUri.startsWith("salesforce:") ? endpointUri.substring(11) : endpointUri;
    rest = rest.startsWith("//") ? rest.substring(2) : rest;
    int query = rest.indexOf('?');
    return query < 0 ? rest : rest.substring(0, query);
  }

  private static boolean isSalesforce(Endpoint endpoint) {
    return endpoint != null && endpoint.getEndpointUri().startsWith("salesforce:");
  }
}
