package com.vaultcrmsync.daemon;

import com.vaultcrmsync.app.ConfigurationException;
import com.vaultcrmsync.app.RuntimeOptions;
import com.vaultcrmsync.app.Settings;
import com.vaultcrmsync.app.SyncSession;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.vault.VaultFileFilter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: the {@link SyncSession} with the daemon routes (schedule, vault watch, HTTP
 * API), the {@link SyncQueue} every sync goes through, and the triggers (schedule, debounced
 * watch). {@link #start} runs the first full sync before the vault watch starts; {@link #close}
 * stops taking work, lets the run in progress finish and stops Camel.
 */
public final class Daemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private final SyncQueue queue;
  private final DaemonTriggers triggers;
  private final SyncSession session;
  private final RunReport firstRun;
  private final long shutdownMs;
  private boolean closed;

  private Daemon(
      SyncQueue queue,
      DaemonTriggers triggers,
      SyncSession session,
      RunReport firstRun,
      long shutdownMs) {
    this.queue = queue;
    this.triggers = triggers;
    this.session = session;
    this.firstRun = firstRun;
    this.shutdownMs = shutdownMs;
  }

  /**
   * The folders and options of a daemon: {@code base} with the daemon's routes (scheduled-sync,
   * vault-watch, on-demand, which {@code camel.main.routes-exclude-pattern} keeps out of every
   * other command) and the loopback HTTP server, on {@code httpPort} when given.
   *
   * @throws ConfigurationException for a port out of range or invalid configuration
   */
  public static SyncSession.Folders folders(RuntimeOptions base, Path vault, Integer httpPort) {
    RuntimeOptions options =
        base.withProperty("camel.main.routes-exclude-pattern", "false")
            .withProperty("camel.server.enabled", "true")
            .withProperty("camel.server.host", "127.0.0.1");
    if (httpPort != null) {
      if (httpPort < 1 || httpPort > 65535) {
        throw new ConfigurationException("--http-port must be from 1 to 65535, got " + httpPort);
      }
      options = options.withProperty("camel.server.port", Integer.toString(httpPort));
    }
    return SyncSession.folders(options, vault);
  }

  /**
   * Starts everything and runs the first full sync.
   *
   * @throws ConfigurationException for configuration the user must fix (exit 2)
   */
  public static Daemon start(SyncSession.Folders folders) {
    Settings.Daemon settings = folders.settings().daemon();
    Duration debounce = settings.debounce();
    long shutdownMs = settings.shutdownTimeout().toMillis();
    requireFreePort(settings.port());

    CompletableFuture<SyncSession> ready = new CompletableFuture<>();
    SyncedNotes synced = new SyncedNotes(folders.vault(), folders.stateDir());
    SyncQueue queue = new SyncQueue(request -> ready.join().run(request), synced::unchanged);
    DaemonTriggers triggers = new DaemonTriggers(queue, debounce);
    ApiToken token = ApiToken.resolve(System.getenv(ApiToken.ENV), folders.stateDir());
    HttpApi api =
        new HttpApi(
            queue, token, folders.reportDir(), settings.syncWait(), settings.maxBodyBytes());
    RuntimeOptions options =
        folders
            .options()
            .withBean("httpApi", api)
            .withBean("httpApiGuard", new HttpApi.Guard(settings.idleTimeout()))
            .withBean("daemonTriggers", triggers)
            .withBean("vaultFileFilter", new VaultFileFilter<>())
            .withBean(
                "vaultWatchSeen",
                MemoryIdempotentRepository.memoryIdempotentRepository(settings.watchMaxNotes()));
    triggers.coveredBefore(System.currentTimeMillis());
    CompletableFuture<RunReport> first = queue.submit(SyncRequest.full(false, false));
    SyncSession session;
    try {
      session = SyncSession.start(folders.withOptions(options));
    } catch (RuntimeException e) {
      ready.completeExceptionally(e);
      queue.close(0);
      triggers.close();
      throw e;
    }
    ready.complete(session);
    LOG.info(
        "vault-crm-sync daemon started: vault {}, HTTP API on http://127.0.0.1:{}/api",
        folders.vault(),
        httpPort(session));
    Daemon daemon;
    try {
      daemon = new Daemon(queue, triggers, session, firstRun(first), shutdownMs);
      if (session.runtime().camelContext().getRoute("vault-watch") == null) {
        throw new ConfigurationException(
            "Route vault-watch was not loaded: check camel.main.routes-include-pattern and"
                + " camel.main.routes-exclude-pattern");
      }
      session.runtime().camelContext().getRouteController().startRoute("vault-watch");
    } catch (Exception e) {
      triggers.close();
      queue.close(shutdownMs);
      session.close();
      throw e instanceof ConfigurationException c
          ? c
          : new ConfigurationException("Cannot start the vault watch: " + e.getMessage());
    }
    LOG.info("Watching {} for saved notes", folders.vault());
    return daemon;
  }

  private static RunReport firstRun(CompletableFuture<RunReport> first) {
    try {
      return first.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      LOG.error("The first full sync failed: {}", e.getCause().getMessage());
      return null;
    }
  }

  /** The first full sync's report, or null when it failed. */
  public RunReport firstRun() {
    return firstRun;
  }

  public SyncSession session() {
    return session;
  }

  public SyncQueue queue() {
    return queue;
  }

  /** The port the HTTP API is bound to: the one the system chose when camel.server.port is 0. */
  public int httpPort() {
    return httpPort(session);
  }

  private static int httpPort(SyncSession session) {
    VertxPlatformHttpServer server =
        session.runtime().camelContext().hasService(VertxPlatformHttpServer.class);
    return server == null ? -1 : server.getPort();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.info("Stopping: no new syncs; waiting for the run in progress");
    try {
      session.runtime().camelContext().getRouteController().stopRoute("vault-watch");
    } catch (Exception e) {
      LOG.debug("Stopping the vault watch failed", e);
    }
    triggers.close();
    queue.close(shutdownMs);
    session.close();
    LOG.info("Stopped");
  }

  /** Vert.x only logs a taken port; the daemon must not run without its API, so check first. */
  private static void requireFreePort(int port) {
    if (port <= 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new ConfigurationException(
          "port "
              + port
              + " on 127.0.0.1 is in use (another daemon?): stop it or choose another with"
              + " --http-port or camel.server.port");
    }
  }
}
