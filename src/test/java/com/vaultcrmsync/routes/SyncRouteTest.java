package com.vaultcrmsync.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.ReplaceInRegistry;
import org.junit.jupiter.api.Test;

/**
 * Proves routes/sync.camel.yaml: each sync-* route calls its syncRunner method, then hands the
 * bean's headers and runReport variable to direct:write-report; a usage error ends it before.
 */
@CamelMainTest(
    propertyPlaceholderLocations = "classpath:config/application.properties",
    properties = {
      "camel.main.routes-include-pattern=classpath:routes/sync.camel.yaml",
      "camel.component.salesforce.lazy-login=true"
    },
    mockEndpointsAndSkip = "direct:write-report")
class SyncRouteTest {
  @ReplaceInRegistry RecordingSyncRunner syncRunner = new RecordingSyncRunner();

  @EndpointInject("mock:direct:write-report")
  MockEndpoint report;

  @Produce ProducerTemplate template;

  @Test
  void eachSyncRouteCallsItsRunnerMethodThenWritesTheReport() throws Exception {
    report.expectedMessageCount(3);
    report.expectedHeaderValuesReceivedInAnyOrder(
        "reportName", "full.json", "account.json", "note.json");

    template.sendBodyAndHeaders("direct:sync-all", null, Map.of("dryRun", true));
    template.sendBodyAndHeaders("direct:sync-account", null, Map.of("syncKey", "Acme"));
    template.sendBodyAndHeaders("direct:sync-note", null, Map.of("syncKey", "Acme.md"));

    report.assertIsSatisfied();
    assertThat(syncRunner.calls).containsExactly("full:null", "account:Acme", "note:Acme.md");
  }

  @Test
  void theReportRouteReceivesTheCallersHeadersAndTheRunReportVariable() throws Exception {
    report.expectedMessageCount(1);
    report.expectedHeaderReceived("syncKey", "Acme");
    report.expectedHeaderReceived("dryRun", true);
    report.expectedHeaderReceived("reportDir", "/tmp/reports");
    report.expectedHeaderReceived("reportName", "account.json");
    report.expectedVariableReceived("runReport", "account report");

    template.sendBodyAndHeaders(
        "direct:sync-account",
        null,
        Map.of("syncKey", "Acme", "dryRun", true, "reportDir", "/tmp/reports"));

    report.assertIsSatisfied();
  }

  @Test
  void aUsageErrorStopsTheRouteBeforeTheReport() {
    Exchange done =
        template.request(
            "direct:sync-account", e -> e.getMessage().setHeader("syncKey", "No Such Account"));

    assertThat(done.getException()).isNull();
    assertThat(done.getVariable("syncUsageError", String.class)).contains("No Such Account");
    assertThat(report.getReceivedExchanges()).isEmpty();
  }

  /** Stands in for SyncRunner: records each call and answers as it does, without an engine. */
  public static final class RecordingSyncRunner {
    final List<String> calls = new CopyOnWriteArrayList<>();

    public void syncAll(Exchange exchange) {
      answer(exchange, "full");
    }

    public void syncAccount(Exchange exchange) {
      answer(exchange, "account");
    }

    public void syncNote(Exchange exchange) {
      answer(exchange, "note");
    }

    private void answer(Exchange exchange, String mode) {
      String key = exchange.getMessage().getHeader("syncKey", String.class);
      calls.add(mode + ":" + key);
      if ("No Such Account".equals(key)) {
        exchange.setVariable("syncUsageError", "unknown account '" + key + "'");
        exchange.setRouteStop(true);
        return;
      }
      exchange.setVariable("runReport", mode + " report");
      exchange.getMessage().setHeader("reportName", mode + ".json");
      exchange.getMessage().setBody(null);
    }
  }
}
