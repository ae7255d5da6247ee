package com.vaultcrmsync.cli;

import com.vaultcrmsync.app.ConfigurationException;
import com.vaultcrmsync.app.RuntimeOptions;
import com.vaultcrmsync.app.SyncSession;
import com.vaultcrmsync.crm.CrmException;
import com.vaultcrmsync.daemon.Daemon;
import com.vaultcrmsync.mapping.MappingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run [--vault DIR] [--http-port N] [--config FILE]}: the daemon ({@link Daemon}). One full
 * sync at start, then a scheduled full sync ({@code sync.schedule.cron}), a vault watch that syncs
 * a saved note within seconds, and the local HTTP API on 127.0.0.1. SIGTERM or SIGINT stops it
 * within {@code camel.main.shutdown-timeout} seconds: no new work is taken, the run in progress
 * ends whole.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run as a daemon: scheduled sync, vault watch and the local HTTP API.")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VaultOptions vaultOptions;

  @Option(
      names = "--http-port",
      paramLabel = "N",
      description = "Port of the HTTP API on 127.0.0.1 (default: camel.server.port).")
  Integer httpPort;

  @Mixin ConfigOptions configOptions;

  @Mixin ProfileOptions profileOptions;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Daemon daemon;
    try {
      daemon = Daemon.start(folders());
    } catch (ConfigurationException | MappingException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return Main.EXIT_USAGE;
    } catch (CrmException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 3;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM/SIGINT run shutdown hooks: stop taking work and let the run in progress end whole.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  daemon.close();
                  stopped.countDown();
                },
                "vault-crm-sync-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      daemon.close();
    }
    return 0;
  }

  /** The folders and runtime options of the daemon: the daemon routes and the HTTP server on. */
  SyncSession.Folders folders() {
    RuntimeOptions base =
        configOptions.applyTo(profileOptions.applyTo(RuntimeOptions.of(Path.of("."))));
    return Daemon.folders(base, vaultOptions.vault(), httpPort);
  }
}
