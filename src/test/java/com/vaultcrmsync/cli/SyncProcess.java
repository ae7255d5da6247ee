package com.vaultcrmsync.cli;

import com.vaultcrmsync.emulator.EmulatorOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test helper: the {@code sync} command of the shaded jar in its own JVM, pointed at an emulated
 * org through the {@code SALESFORCE_*} environment, its output captured in files.
 */
final class SyncProcess {
  private SyncProcess() {}

  /** The shaded jar (Failsafe passes its path; a plain {@code mvn package} leaves it in target). */
  static Path jar() {
    return Path.of(System.getProperty("vaultcrmsync.jar", "target/vault-crm-sync.jar"))
        .toAbsolutePath();
  }

  /**
   * Starts {@code sync --vault VAULT ARGS} with the org's default login in the environment, {@code
   * env} overriding it (an empty value removes a variable).
   */
  static Process start(
      String orgUrl, Path vault, Path stdout, Path stderr, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A short-lived client JVM: quick start, small heap, one GC thread.
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m"));
    command.addAll(List.of("-jar", jar().toString(), "sync", "--vault", vault.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(vault.getParent().toFile())
            .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
            .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("SALESFORCE_") || k.startsWith("VAULT_CRM_SYNC"));
    e.put("SALESFORCE_LOGIN_URL", orgUrl);
    e.put("SALESFORCE_CLIENT_ID", EmulatorOptions.DEFAULT_CLIENT_ID);
    e.put("SALESFORCE_CLIENT_SECRET", EmulatorOptions.DEFAULT_CLIENT_SECRET);
    e.put("SALESFORCE_USERNAME", EmulatorOptions.DEFAULT_USERNAME);
    e.put("SALESFORCE_PASSWORD", EmulatorOptions.DEFAULT_PASSWORD);
    e.putAll(env);
    // An empty value removes the variable (e.g. no password for the refresh-token flow).
    e.entrySet().removeIf(v -> v.getValue().isEmpty());
    return pb.start();
  }
}
