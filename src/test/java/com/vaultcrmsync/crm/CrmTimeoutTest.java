package com.vaultcrmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaultcrmsync.app.CrmRuntime;
import com.vaultcrmsync.app.RuntimeOptions;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that a Salesforce call that times out is retried, then reported as TIMEOUT. */
class CrmTimeoutTest {
  @TempDir Path state;

  @Test
  void aSlowAnswerTimesOutIsRetriedAndThenReported() throws Exception {
    try (Emulator org = Emulator.start(EmulatorOptions.defaults())) {
      RuntimeOptions options =
          RuntimeOptions.of(state)
              .withProperty("camel.main.routes-include-pattern", CrmRuntime.CRM_ROUTES_ONLY)
              .withProperty("camel.component.salesforce.login-url", org.baseUrl())
              .withProperty(
                  "camel.component.salesforce.client-id", EmulatorOptions.DEFAULT_CLIENT_ID)
              .withProperty(
                  "camel.component.salesforce.client-secret", EmulatorOptions.DEFAULT_CLIENT_SECRET)
              .withProperty("camel.component.salesforce.http-request-timeout", "1000")
              .withProperty("crm.retry.max-retries", "1")
              .withProperty("crm.retry.initial-delay-ms", "1");
      EmulatorControl control = new EmulatorControl(org.baseUrl());
      try (CrmRuntime runtime = CrmRuntime.start(options);
          CamelCrmGateway crm = runtime.crm()) {
        control.latency(1600);

        assertThatThrownBy(() -> crm.query("SELECT Id FROM User", false, r -> {}))
            .isInstanceOf(CrmException.class)
            .satisfies(e -> assertThat(((CrmException) e).code()).isEqualTo("TIMEOUT"));
        assertThat(crm.usage().byOperation()).containsEntry("query", 2);

        control.clearFaults();
        assertThat(crm.query("SELECT Id FROM User", false, r -> {})).isPositive();
      }
    }
  }
}
