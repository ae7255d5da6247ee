package com.vaultcrmsync.crm;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceHttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Salesforce's clock as seen from here: bounds on the offset between the server's clock and this
 * machine's, learned from the {@code Date} header of every response the Salesforce component
 * receives (a Jetty listener on its HTTP client; the component does not hand that header on). A
 * {@code Date} is whole seconds, generated between the request's start and the response's arrival,
 * so each response bounds the offset: {@code date − arrival <= offset < date + 1 s − start}; the
 * bounds of all responses are intersected.
 *
 * <p>{@link #toServer} turns an interval measured on this machine into a server-time interval that
 * surely holds what the server stamped during it. Without any {@code Date} seen (a server that
 * sends none), it assumes the clocks agree within {@value #UNCALIBRATED_MS} ms.
 */
public final class ServerClock {
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
      SalesforceComponent component = context.getComponent("salesforce", SalesforceComponent.class);
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
  synchronized OwnWrites.Window toServer(Instant localFrom, Instant localTo) {
    boolean calibrated = low != Long.MIN_VALUE;
    long lo = calibrated ? low : -UNCALIBRATED_MS;
    long hi = calibrated ? high : UNCALIBRATED_MS;
    return new OwnWrites.Window(localFrom.plusMillis(lo), localTo.plusMillis(hi));
  }
}
