package com.vaultcrmsync.crm;

import com.vaultcrmsync.app.CrmRuntime;
import com.vaultcrmsync.app.RuntimeOptions;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Test fixture: an emulated org on loopback and a runtime with only the CRM routes, logged in to
 * it, whose retries wait a few milliseconds at most.
 */
final class LoopbackOrg implements AutoCloseable {
  final Emulator emulator;
  final EmulatorControl control;
  final CrmRuntime runtime;

  private LoopbackOrg(Emulator emulator, CrmRuntime runtime) {
    this.emulator = emulator;
    this.control = new EmulatorControl(emulator.baseUrl());
    this.runtime = runtime;
  }

  static LoopbackOrg start(Path state, EmulatorOptions options) throws IOException {
    Emulator emulator = Emulator.start(options);
    try {
      return new LoopbackOrg(
          emulator,
          CrmRuntime.start(
              RuntimeOptions.of(state)
                  .withProperty("camel.main.routes-include-pattern", CrmRuntime.CRM_ROUTES_ONLY)
                  .withProperty("camel.component.salesforce.login-url", emulator.baseUrl())
                  .withProperty("camel.component.salesforce.client-id", options.clientId())
                  .withProperty("camel.component.salesforce.client-secret", options.clientSecret())
                  .withProperty("camel.component.salesforce.user-name", options.username())
                  .withProperty("camel.component.salesforce.password", options.password())
                  .withProperty("crm.retry.initial-delay-ms", "1")
                  .withProperty("crm.retry.max-delay-ms", "4")));
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  @Override
  public void close() {
    runtime.close();
    emulator.close();
  }
}
