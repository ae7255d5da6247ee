package com.vaultcrmsync.crm;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceHttpClient;
import org.apache.camel.component.salesforce.api.dto.Limits;
import org.apache.camel.component.salesforce.internal.SalesforceSession;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CrmGateway} over the {@code direct:crm-*} routes ({@code routes/crm.camel.yaml}),
 * which send every call through the Camel Salesforce component ({@link CrmRoutes}). Its writer is
 * the one {@link Writers} chooses. Retries of transient failures happen in the routes; what still
 * fails becomes a {@link CrmException} whose message names the operation and Salesforce's error,
 * never a secret.
 *
 * <p>{@link #usage()} counts the calls made since this gateway was created (a runtime hands out a
 * fresh gateway per run), writes included. {@link #close()} releases the producer; the Camel
 * context stays up.
 */
public final class CamelCrmGateway implements CrmGateway {

  private final CrmRoutes routes;
  private final ApiCallLedger ledger;
  private final ApiUsage baseline;
  private final CrmWriter writer;
  private final CamelContext context;
  private final WriteWindows writes;

  public CamelCrmGateway(CamelContext context, ApiCallLedger ledger, SecretMask mask) {
    this.context = context;
    this.routes = new CrmRoutes(context, ledger, mask);
    this.ledger = ledger;
    this.baseline = ledger.snapshot();
    this.writes = new WriteWindows(ServerClock.of(context));
    this.writer = Writers.choose(context, routes, mask, writes);
  }

  /** From the session's identity URL: {@code https://…/id/<orgId18>/<userId18>}. */
  @Override
  public Optional<String> integrationUserId() {
    try {
      SalesforceComponent sf = context.getComponent("salesforce", SalesforceComponent.class);
      SalesforceSession session = sf == null ? null : sf.getSession();
      return userOf(session == null ? null : session.getId());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The user id segment of an identity URL, when it is one. */
  static Optional<String> userOf(String identityUrl) {
    if (identityUrl == null) {
      return Optional.empty();
    }
    int at = identityUrl.indexOf("/id/");
    String[] parts = at < 0 ? new String[0] : identityUrl.substring(at + 4).split("/");
    if (parts.length < 2 || !SalesforceId.isId(parts[1]) || !parts[1].startsWith("005")) {
      return Optional.empty();
    }
    return Optional.of(SalesforceId.to18(parts[1]));
  }

  @Override
  public void onWrite(Consumer<ChangePosition.OwnWrites.Window> listener) {
    writes.listen(listener);
  }

  @Override
  public long query(String soql, boolean includeDeleted, Consumer<Map<String, Object>> sink) {
    String first = includeDeleted ? "queryAll" : "query";
    Map<?, ?> page =
        routes.call(
            first, includeDeleted ? "direct:crm-query-all" : "direct:crm-query", soql, Map.of());
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
      page = routes.call("queryMore", "direct:crm-query-more", next.toString(), Map.of());
    }
  }

  @Override
  public CrmWriter writer() {
    return writer;
  }

  /**
   * Reads the org's {@code DailyApiRequests} through the {@code limits} resource (one API call) and
   * returns the usage with the daily allowance filled in, so a run can budget before it starts.
   */
  public ApiUsage refreshLimits() {
    Limits limits = routes.call("limits", "direct:crm-limits", null, Map.of());
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
    routes.close();
  }

  /**
   * Salesforce's clock as seen from here: bounds on the offset between the server's clock and this
   * machine's, learned from the {@code Date} header of every response the Salesforce component
   * receives (a Jetty listener on its HTTP client; the component does not hand that header on). A
   * {@code Date} is whole seconds, generated between the request's start and the response's
   * arrival, so each response bounds the offset: {@code date − arrival <= offset < date + 1 s −
   * start}; the bounds of all responses are intersected.
   *
   * <p>{@link #toServer} turns an interval measured on this machine into a server-time interval
   * that surely holds what the server stamped during it. Without any {@code Date} seen (a server
   * that sends none), it assumes the clocks agree within {@value #UNCALIBRATED_MS} ms.
   */
  static final class ServerClock {
    private static final Logger LOG = LoggerFactory.getLogger(ServerClock.class);

    /** The registry name under which one clock per Camel context is kept. */
    private static final String BEAN = "vaultcrmsync.serverClock";

    /** The assumed skew when no response carried a {@code Date}. */
    static final long UNCALIBRATED_MS = 1000;

    private final Clock clock;
    private long low = Long.MIN_VALUE;
    private long high = Long.MAX_VALUE;

    ServerClock(Clock clock) {
      this.clock = clock;
    }

    /**
     * The clock of the context's Salesforce component, listening to its HTTP client from the first
     * call on; an uncalibrated clock when the component has no client yet.
     */
    static synchronized ServerClock of(CamelContext context) {
      ServerClock known = context.getRegistry().lookupByNameAndType(BEAN, ServerClock.class);
      if (known != null) {
        return known;
      }
      ServerClock made = new ServerClock(Clock.systemUTC());
      try {
        SalesforceComponent component =
            context.getComponent("salesforce", SalesforceComponent.class);
        SalesforceHttpClient http = component == null ? null : component.getHttpClient();
        if (http != null) {
          http.getRequestListeners()
              .addBeginListener(
                  request -> {
                    long start = made.clock.millis();
                    request.onResponseHeaders(
                        response ->
                            made.observe(
                                response.getHeaders().get(HttpHeader.DATE),
                                start,
                                made.clock.millis()));
                  });
          context.getRegistry().bind(BEAN, made);
        }
      } catch (RuntimeException e) {
        LOG.debug("No Date listener on the Salesforce HTTP client", e);
      }
      return made;
    }

    /** Takes in one response's {@code Date}, sent between {@code start} and {@code arrival}. */
    synchronized void observe(String date, long start, long arrival) {
      if (date == null) {
        return;
      }
      long server;
      try {
        server =
            ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant()
                .toEpochMilli();
      } catch (RuntimeException e) {
        return;
      }
      long lo = server - arrival;
      long hi = server + 999 - start;
      if (Math.max(low, lo) > Math.min(high, hi)) {
        // The clock here jumped: start again from this response.
        low = lo;
        high = hi;
        return;
      }
      low = Math.max(low, lo);
      high = Math.min(high, hi);
    }

    /** This machine's time now. */
    Instant now() {
      return clock.instant();
    }

    /** The server-time window holding everything the server stamped between these local times. */
    synchronized ChangePosition.OwnWrites.Window toServer(Instant localFrom, Instant localTo) {
      boolean calibrated = low != Long.MIN_VALUE;
      long lo = calibrated ? low : -UNCALIBRATED_MS;
      long hi = calibrated ? high : UNCALIBRATED_MS;
      return new ChangePosition.OwnWrites.Window(localFrom.plusMillis(lo), localTo.plusMillis(hi));
    }
  }

  /**
   * Measures each write call of a gateway and hands its server-time window ({@link
   * ServerClock#toServer}) to the listeners, the call's failure included: a call that failed may
   * still have written some of its records.
   */
  static final class WriteWindows {
    private final ServerClock clock;
    private final List<Consumer<ChangePosition.OwnWrites.Window>> listeners =
        new CopyOnWriteArrayList<>();

    WriteWindows(ServerClock clock) {
      this.clock = clock;
    }

    void listen(Consumer<ChangePosition.OwnWrites.Window> listener) {
      listeners.add(listener);
    }

    /** Runs one write call and reports its window. */
    <T> T during(Supplier<T> call) {
      Instant from = clock.now();
      try {
        return call.get();
      } finally {
        if (!listeners.isEmpty()) {
          ChangePosition.OwnWrites.Window window = clock.toServer(from, clock.now());
          listeners.forEach(l -> l.accept(window));
        }
      }
    }
  }
}
