package com.vaultcrmsync.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * How to start an {@link Emulator}. Build with {@link #defaults()} and the {@code withX} methods.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param dataFile where the org is kept between runs (written atomically), or null for memory only
 * @param clientId the connected app's consumer key
 * @param clientSecret the connected app's consumer secret
 * @param username the integration user's login
 * @param password the password of every emulated user
 * @param jwtCertificate PEM file with the X.509 certificate (or a PEM public key) that verifies JWT
 *     bearer assertions, or null to refuse that grant
 * @param schemaFile org schema YAML with custom fields, or null for the bundled default
 * @param dailyApiLimit DailyApiRequests maximum
 * @param clock the time source for record stamps, tokens and the daily limit window
 */
public record EmulatorOptions(
    int port,
    Path dataFile,
    String clientId,
    String clientSecret,
    String username,
    String password,
    Path jwtCertificate,
    Path schemaFile,
    int dailyApiLimit,
    Clock clock) {

  public static final String DEFAULT_CLIENT_ID = "vault-crm-sync";
  public static final String DEFAULT_CLIENT_SECRET = "emulator-secret";
  public static final String DEFAULT_USERNAME = "sync@emulator.local";
  public static final String DEFAULT_PASSWORD = "emulator";
  public static final int DEFAULT_DAILY_API_LIMIT = 15000;

  public EmulatorOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    if (dailyApiLimit < 0) {
      throw new IllegalArgumentException("dailyApiLimit must be >= 0: " + dailyApiLimit);
    }
    clientId = clientId == null ? DEFAULT_CLIENT_ID : clientId;
    clientSecret = clientSecret == null ? DEFAULT_CLIENT_SECRET : clientSecret;
    username = username == null ? DEFAULT_USERNAME : username;
    password = password == null ? DEFAULT_PASSWORD : password;
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  /** Any free port, in memory, default credentials, bundled schema, 15,000 calls a day. */
  public static EmulatorOptions defaults() {
    return new EmulatorOptions(
        0, null, null, null, null, null, null, null, DEFAULT_DAILY_API_LIMIT, null);
  }

  public EmulatorOptions withPort(int value) {
    return edit(draft -> draft.port = value);
  }

  public EmulatorOptions withDataFile(Path value) {
    return edit(draft -> draft.dataFile = value);
  }

  public EmulatorOptions withClientId(String value) {
    return edit(draft -> draft.clientId = value);
  }

  public EmulatorOptions withClientSecret(String value) {
    return edit(draft -> draft.clientSecret = value);
  }

  public EmulatorOptions withUsername(String value) {
    return edit(draft -> draft.username = value);
  }

  public EmulatorOptions withPassword(String value) {
    return edit(draft -> draft.password = value);
  }

  public EmulatorOptions withJwtCertificate(Path value) {
    return edit(draft -> draft.jwtCertificate = value);
  }

  public EmulatorOptions withSchemaFile(Path value) {
    return edit(draft -> draft.schemaFile = value);
  }

  public EmulatorOptions withDailyApiLimit(int value) {
    return edit(draft -> draft.dailyApiLimit = value);
  }

  public EmulatorOptions withClock(Clock value) {
    return edit(draft -> draft.clock = value);
  }

  /** A copy of these options with one change applied; the canonical constructor validates it. */
  private EmulatorOptions edit(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** Never shows the secret or the password. */
  @Override
  public String toString() {
    return "EmulatorOptions[port="
        + port
        + ", dataFile="
        + dataFile
        + ", clientId="
        + clientId
        + ", username="
        + username
        + ", jwtCertificate="
        + jwtCertificate
        + ", schemaFile="
        + schemaFile
        + ", dailyApiLimit="
        + dailyApiLimit
        + "]";
  }

  /** Mutable working copy used only by {@link #edit}. */
  private static final class Draft {
    int port;
    Path dataFile;
    String clientId;
    String clientSecret;
    String username;
    String password;
    Path jwtCertificate;
    Path schemaFile;
    int dailyApiLimit;
    Clock clock;

    Draft(EmulatorOptions from) {
      port = from.port;
      dataFile = from.dataFile;
      clientId = from.clientId;
      clientSecret = from.clientSecret;
      username = from.username;
      password = from.password;
      jwtCertificate = from.jwtCertificate;
      schemaFile = from.schemaFile;
      dailyApiLimit = from.dailyApiLimit;
      clock = from.clock;
    }

    EmulatorOptions build() {
      return new EmulatorOptions(
          port,
          dataFile,
          clientId,
          clientSecret,
          username,
          password,
          jwtCertificate,
          schemaFile,
          dailyApiLimit,
          clock);
    }
  }
}
