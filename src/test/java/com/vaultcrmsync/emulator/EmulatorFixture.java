package com.vaultcrmsync.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the endpoint tests: a fresh in-memory emulator with default options for every test, and
 * an HTTP client already logged in to it as the integration user. Subclasses' own
 * {@code @BeforeEach} methods run after this one, so they may use both.
 */
abstract class EmulatorFixture {

  Emulator emulator;
  EmulatorHttp http;

  @BeforeEach
  void startEmulatorAndLogIn() throws Exception {
    emulator = Emulator.start(EmulatorOptions.defaults());
    http = new EmulatorHttp(emulator.baseUrl()).login();
  }

  @AfterEach
  void closeEmulator() {
    emulator.close();
  }
}
