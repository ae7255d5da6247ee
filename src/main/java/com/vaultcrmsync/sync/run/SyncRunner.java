package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.sync.SyncUsageException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;

/**
 * The bean behind the {@code sync-*} routes ({@code routes/sync.camel.yaml}). Headers: {@code
 * syncKey} (account key or note path), {@code dryRun}, {@code force}, {@code reportDir} (optional).
 * It leaves the {@link RunReport} in the exchange variable {@code runReport} (the body is emptied)
 * and the report file name and folder in headers, for the {@code reports} route to write. An
 * unknown account key stops the route with the message in the variable {@code syncUsageError}.
 */
public final class SyncRunner {
  /** Exchange variable holding the run's {@link RunReport}. */
  public static final String REPORT_VARIABLE = "runReport";

  /** Exchange variable holding the message of a usage error (unknown account key): exit 2. */
  public static final String USAGE_ERROR_VARIABLE = "syncUsageError";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private volatile SyncEngine engine;
  private volatile Path defaultReportDir;

  /** Gives the runner its engine once the CRM connection is up (routes start before that). */
  public void attach(SyncEngine engine, Path defaultReportDir) {
    this.engine = engine;
    this.defaultReportDir = defaultReportDir;
  }

  public void syncAll(Exchange exchange) {
    run(exchange, SyncRequest.full(flag(exchange, "dryRun"), flag(exchange, "force")));
  }

  public void syncAccount(Exchange exchange) {
    run(
        exchange,
        SyncRequest.account(key(exchange), flag(exchange, "dryRun"), flag(exchange, "force")));
  }

  public void syncNote(Exchange exchange) {
    run(
        exchange,
        SyncRequest.note(key(exchange), flag(exchange, "dryRun"), flag(exchange, "force")));
  }

  private void run(Exchange exchange, SyncRequest request) {
    SyncEngine e = engine;
    if (e == null) {
      throw new IllegalStateException("the sync engine is not attached yet");
    }
    RunReport report;
    try {
      report = e.run(request);
    } catch (SyncUsageException usage) {
      // A wrong key is the caller's mistake, not a route failure: no report, no error log.
      exchange.setVariable(USAGE_ERROR_VARIABLE, usage.getMessage());
      exchange.setRouteStop(true);
      return;
    }
    exchange.setVariable(REPORT_VARIABLE, report);
    String dir = exchange.getMessage().getHeader("reportDir", String.class);
    exchange.getMessage().setHeader("reportDir", dir != null ? dir : defaultReportDir.toString());
    String mode = report.run().mode() + (report.run().dryRun() ? "-dry-run" : "");
    exchange
        .getMessage()
        .setHeader(
            "reportName",
            STAMP.format(Instant.parse(report.run().startedAt())) + "-" + mode + ".json");
    // The reports route streams the renderings to files; the JSON is never put on the body.
    exchange.getMessage().setBody(null);
  }

  private static boolean flag(Exchange exchange, String header) {
    return Boolean.TRUE.equals(exchange.getMessage().getHeader(header, Boolean.class));
  }

  private static String key(Exchange exchange) {
    String key = exchange.getMessage().getHeader("syncKey", String.class);
    return key == null ? "" : key;
  }
}
