package com.vaultcrmsync.emulator;

import java.nio.file.Path;
import java.time.Clock;

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
    return new EmulatorOptions(
        value,
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

  public EmulatorOptions withDataFile(Path value) {
    return new EmulatorOptions(
        port,
        value,
        clientId,
        clientSecret,
        username,
        password,
        jwtCertificate,
        schemaFile,
        dailyApiLimit,
        clock);
  }

  public EmulatorOptions withClientId(String value) {
    return new EmulatorOptions(
        port,
        dataFile,
        value,
        clientSecret,
        username,
        password,
        jwtCertificate,
        schemaFile,
        dailyApiLimit,
        clock);
  }

  public EmulatorOptions withClientSecret(String value) {
    return new EmulatorOptions(
        port,
        dataFile,
        clientId,
        value,
        username,
        password,
        jwtCertificate,
        schemaFile,
        dailyApiLimit,
        clock);
  }

  public EmulatorOptions withUsername(String value) {
    return new EmulatorOptions(
        port,
        dataFile,
        clientId,
        clientSecret,
        value,
        password,
        jwtCertificate,
        schemaFile,
        dailyApiLimit,
        clock);
  }

  public EmulatorOptions withPassword(String value) {
    return new EmulatorOptions(
        port,
        dataFile,
        clientId,
        clientSecret,
        username,
        value,
        jwtCertificate,
        schemaFile,
        dailyApiLimit,
        clock);
  }

  public EmulatorOptions withJwtCertificate(Path value) {
    return new EmulatorOptions(
        port,
        dataFile,
        clientId,
        clientSecret,
        username,
        password,
        value,
        schemaFile,
        dailyApiLimit,
        clock);
  }

  public EmulatorOptions withSchemaFile(Path value) {
    return new EmulatorOptions(
        port,
        dataFile,
        clientId,
        clientSecret,
        username,
        password,
        jwtCertificate,
        value,
        dailyApiLimit,
        clock);
  }

  public EmulatorOptions withDailyApiLimit(int value) {
    return new EmulatorOptions(
        port,
        dataFile,
        clientId,
        clientSecret,
        username,
        password,
        jwtCertificate,
        schemaFile,
        value,
        clock);
  }

  public EmulatorOptions withClock(Clock value) {
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
        value);
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
}
