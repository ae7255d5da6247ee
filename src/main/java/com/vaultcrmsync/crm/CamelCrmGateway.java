package com.vaultcrmsync.crm;

import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.api.dto.Limits;

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

  public CamelCrmGateway(CamelContext context, ApiCallLedger ledger, SecretMask mask) {
    this.routes = new CrmRoutes(context, ledger, mask);
    this.ledger = ledger;
    this.baseline = ledger.snapshot();
    this.writer = Writers.choose(context, routes, mask);
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
}
