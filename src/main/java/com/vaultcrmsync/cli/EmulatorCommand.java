package com.vaultcrmsync.cli;

import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vault-crm-sync emulator}: runs a local Salesforce-compatible org on 127.0.0.1 until
 * SIGTERM/SIGINT, printing {@code Salesforce emulator listening on http://127.0.0.1:PORT}. Secrets
 * may come from {@code EMULATOR_CLIENT_SECRET} and {@code EMULATOR_PASSWORD}; they are never
 * printed.
 */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description = "Runs a local Salesforce-compatible org on 127.0.0.1.")
public final class EmulatorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", description = "TCP port (default: 0 = any free port).")
  int port;

  @Option(names = "--data", paramLabel = "FILE", description = "Keep the org in this JSON file.")
  Path data;

  @Option(names = "--client-id", description = "Connected app client id (default: vault-crm-sync).")
  String clientId;

  @Option(
      names = "--client-secret",
      description = "Client secret (default: $EMULATOR_CLIENT_SECRET or emulator-secret).")
  String clientSecret;

  @Option(
      names = "--username",
      description = "Integration user login (default: sync@emulator.local).")
  String username;

  @Option(
      names = "--password",
      description = "Password of every user (default: $EMULATOR_PASSWORD or emulator).")
  String password;

  @Option(names = "--schema", paramLabel = "FILE", description = "Org schema YAML (custom fields).")
  Path schema;

  @Option(
      names = "--jwt-cert",
      paramLabel = "FILE",
      description = "PEM certificate or public key verifying JWT bearer assertions.")
  Path jwtCert;

  @Option(names = "--daily-limit", description = "DailyApiRequests maximum (default: 15000).")
  int dailyLimit = EmulatorOptions.DEFAULT_DAILY_API_LIMIT;

  @Override
  public Integer call() throws Exception {
    EmulatorOptions options =
        EmulatorOptions.defaults()
            .withPort(port)
            .withDataFile(data)
            .withClientId(clientId)
            .withClientSecret(
                clientSecret != null ? clientSecret : System.getenv("EMULATOR_CLIENT_SECRET"))
            .withUsername(username)
            .withPassword(password != null ? password : System.getenv("EMULATOR_PASSWORD"))
            .withSchemaFile(schema)
            .withJwtCertificate(jwtCert)
            .withDailyApiLimit(dailyLimit);
    Emulator emulator;
    try {
      emulator = Emulator.start(options);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "emulator-shutdown"));
    spec.commandLine().getOut().println("Salesforce emulator listening on " + emulator.baseUrl());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
