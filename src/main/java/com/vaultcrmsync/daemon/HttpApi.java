package com.vaultcrmsync.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaultcrmsync.report.ReportWriter;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.sync.SyncUsageException;
import io.netty.channel.Channel;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URLDecoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local HTTP API behind {@code routes/on-demand.camel.yaml} (a stable contract). Every method
 * answers JSON. All endpoints but {@link #health} need {@code Authorization: Bearer <token>} (401
 * otherwise). Sync calls go through the {@link SyncQueue}, so they never run in parallel with
 * another sync, and answer with the run's JSON report once it is done.
 */
public final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SyncQueue queue;
  private final ApiToken token;
  private final Path reportDir;
  private final Duration syncWait;
  private final long maxBodyBytes;
  private final Instant startedAt = Instant.now();

  /**
   * @param syncWait how long a sync call waits for its run before answering 202
   * @param maxBodyBytes larger request bodies are refused with 413 (the endpoints take none)
   */
  public HttpApi(
      SyncQueue queue, ApiToken token, Path reportDir, Duration syncWait, long maxBodyBytes) {
    this.queue = queue;
    this.token = token;
    this.reportDir = reportDir;
    this.syncWait = syncWait;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * {@code POST /api/sync}: a full two-way sync. The answer is the run's JSON report, streamed to
   * the response from a temp file (never one String in memory), or a JSON error.
   */
  public CompletableFuture<Object> syncAll(Exchange exchange) {
    if (!admitted(exchange)) {
      return CompletableFuture.<Object>completedFuture(exchange.getMessage().getBody(String.class));
    }
    return answer(exchange, queue.submit(SyncRequest.full(false, false)));
  }

  /** {@code POST /api/sync/accounts/{key}}: one account by title, alias or Account id. */
  public CompletableFuture<Object> syncAccount(Exchange exchange) {
    if (!admitted(exchange)) {
      return CompletableFuture.<Object>completedFuture(exchange.getMessage().getBody(String.class));
    }
    String key = exchange.getMessage().getHeader("key", String.class);
    if (key == null || key.isBlank() || looksLikePath(key)) {
      return CompletableFuture.<Object>completedFuture(
          error(
              exchange,
              404,
              "unknown account '"
                  + (key == null ? "" : key)
                  + "': give a note title, alias or Account id (paths are not accepted here)"));
    }
    return answer(exchange, queue.submit(SyncRequest.account(key.strip(), false, false)));
  }

  /** {@code GET /api/reports/latest}: the latest JSON run report. */
  public String latestReport(Exchange exchange) {
    if (!admitted(exchange)) {
      return exchange.getMessage().getBody(String.class);
    }
    Path latest = reportDir.resolve("latest.json");
    try {
      if (!Files.isRegularFile(latest)) {
        return error(exchange, 404, "no report yet: no sync has finished");
      }
      return json(exchange, 200, Files.readString(latest, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return error(exchange, 500, "cannot read the latest report: " + e.getMessage());
    }
  }

  /** {@code GET /api/health}: liveness and the last run's summary; needs no token. */
  public String health(Exchange exchange) {
    ObjectNode body = JSON.createObjectNode();
    body.put("status", "up");
    body.put("upSince", startedAt.toString());
    body.put("syncing", queue.busy());
    body.put("queued", queue.pending());
    RunReport last = queue.lastReport().orElse(null);
    if (last == null) {
      body.putNull("lastRun");
    } else {
      ObjectNode run = body.putObject("lastRun");
      run.put("mode", last.run().mode());
      run.put("outcome", last.run().outcome());
      run.put("startedAt", last.run().startedAt());
      run.put("finishedAt", last.run().finishedAt());
      run.put("notes", last.totals().notes());
      run.put("conflicts", last.totals().conflicts());
      run.put("errors", last.totals().errors());
    }
    return json(exchange, 200, body.toString());
  }

  private CompletableFuture<Object> answer(Exchange exchange, CompletableFuture<RunReport> run) {
    keepOpen(exchange);
    return run.<Object>thenApply(report -> streamed(exchange, report))
        .orTimeout(syncWait.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(failure -> failed(exchange, failure));
  }

  /**
   * The report's JSON (the same bytes as the report file) rendered into a hidden temp file in the
   * report folder and answered as a stream of it; the file is deleted when the stream is closed.
   */
  private Object streamed(Exchange exchange, RunReport report) {
    try {
      Files.createDirectories(reportDir);
      Path file = ReportWriter.renderToTemp(reportDir, out -> ReportWriter.writeJson(report, out));
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE);
      InputStream body = Channels.newInputStream(channel);
      Message out = exchange.getMessage();
      out.removeHeaders("*", "WWW-Authenticate");
      out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
      out.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
      out.setHeader(Exchange.CONTENT_LENGTH, channel.size());
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the run report: " + e.getMessage(), e);
    }
  }

  private String failed(Exchange exchange, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof TimeoutException) {
      return error(exchange, 202, "the sync is still running; GET /api/reports/latest later");
    }
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    if (cause instanceof SyncUsageException) {
      return error(exchange, 404, message);
    }
    LOG.warn("HTTP sync call failed: {}", message);
    return error(exchange, 500, message);
  }

  /**
   * Checks size and token; when refused, the exchange already holds the error answer. Both are read
   * from the HTTP request's own headers: Camel also copies query parameters and form fields into
   * the message headers, so {@code ?Authorization=Bearer…} or a form field would otherwise pass for
   * the header. The message's copies are removed, so that nothing after this reads them.
   */
  private boolean admitted(Exchange exchange) {
    Message in = exchange.getMessage();
    HttpServerRequest request = httpRequest(exchange);
    in.removeHeader("Authorization");
    String authorization = request == null ? null : request.getHeader("Authorization");
    String declared = request == null ? null : request.getHeader("Content-Length");
    Long length = null;
    try {
      length = declared == null ? null : Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      length = Long.MAX_VALUE;
    }
    if (length != null && length > maxBodyBytes) {
      in.setBody(error(exchange, 413, "request body too large (limit " + maxBodyBytes + " bytes)"));
      return false;
    }
    if (!token.accepts(authorization)) {
      in.setHeader("WWW-Authenticate", "Bearer");
      in.setBody(error(exchange, 401, "missing or wrong bearer token"));
      return false;
    }
    return true;
  }

  /**
   * A sync call sends and receives nothing while its run lasts (up to {@code
   * api.sync-wait-seconds}): its connection is exempt from the idle timeout until it has answered
   * (the guard's end handler puts the timeout back).
   */
  static void keepOpen(Exchange exchange) {
    Channel channel = channel(httpRequest(exchange));
    if (channel != null && channel.pipeline().get("idle") != null) {
      channel.pipeline().remove("idle");
    }
  }

  private static Channel channel(HttpServerRequest request) {
    return request != null && request.connection() instanceof ConnectionBase connection
        ? connection.channel()
        : null;
  }

  /** The Vert.x request behind the exchange, or null when it did not come over HTTP. */
  static HttpServerRequest httpRequest(Exchange exchange) {
    if (exchange.getMessage() instanceof HttpMessage http) {
      return http.getRequest();
    }
    HttpMessage in = exchange.getIn(HttpMessage.class);
    return in == null ? null : in.getRequest();
  }

  /** An account key is a name: anything shaped like a vault path is refused. */
  private static boolean looksLikePath(String key) {
    return key.contains("/")
        || key.contains("\\")
        || key.endsWith(".md")
        || key.equals("..")
        || key.chars().anyMatch(Character::isISOControl);
  }

  private static String error(Exchange exchange, int status, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("status", status);
    body.put("message", message);
    return json(exchange, status, body.toString());
  }

  private static String json(Exchange exchange, int status, String body) {
    Message out = exchange.getMessage();
    out.removeHeaders("*", "WWW-Authenticate");
    out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    out.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
    return body;
  }

  /**
   * The first handler of the API's Vert.x router, for every path (known, unknown, health): it
   * refuses, before any route, body handler or bean, a request whose {@code Host} is not {@code
   * 127.0.0.1}, {@code localhost} or {@code [::1]} with the server's port (403; DNS rebinding: a
   * web page whose host name now resolves to 127.0.0.1 sends its own name). Installed when Camel's
   * routes start, after the server is up and before any route's consumer is: until then every path
   * is a plain 404.
   */
  public static final class Guard extends SimpleEventNotifierSupport {
    private final Set<VertxPlatformHttpRouter> installed = ConcurrentHashMap.newKeySet();
    private final long idleMillis;

    /**
     * @param idleTimeout a connection silent this long (no byte either way) is closed
     */
    public Guard(Duration idleTimeout) {
      this.idleMillis = idleTimeout.toMillis();
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
      return event instanceof CamelEvent.CamelContextRoutesStartingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
      CamelContext camel = ((CamelEvent.CamelContextEvent) event).getContext();
      for (VertxPlatformHttpRouter router :
          camel.getRegistry().findByType(VertxPlatformHttpRouter.class)) {
        if (installed.add(router)) {
          router.route().order(Integer.MIN_VALUE).handler(this::guard);
        }
      }
      VertxPlatformHttpServer server = camel.hasService(VertxPlatformHttpServer.class);
      if (server != null && server.getServer() != null) {
        idleTimeout(server.getServer(), idleMillis);
      }
    }

    /**
     * Sets the idle timeout of the running server: Camel creates its {@code HttpServerOptions}
     * itself and offers no key for it, but Vert.x reads the server's copy for each new connection
     * (its pipeline's {@code idle} handler), so setting it once the server listens covers every
     * connection after that — before any route, hence any request, is served.
     */
    private static void idleTimeout(HttpServer server, long millis) {
      try {
        Field field = server.getClass().getDeclaredField("options");
        field.setAccessible(true);
        HttpServerOptions options = (HttpServerOptions) field.get(server);
        options.setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setIdleTimeout((int) millis);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException(
            "cannot set the HTTP API's idle timeout on " + server.getClass().getName(), e);
      }
    }

    /** Closes idle connections again once an exempt call (see {@link #keepOpen}) has answered. */
    private void restoreIdle(HttpServerRequest request) {
      Channel channel = channel(request);
      if (channel != null && channel.isActive() && channel.pipeline().get("idle") == null) {
        channel
            .pipeline()
            .addBefore(
                "handler", "idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
      }
    }

    private void guard(RoutingContext ctx) {
      HttpServerRequest request = ctx.request();
      ctx.addEndHandler(done -> restoreIdle(request));
      // The port this connection came in on: the server's own, whatever was configured.
      int port = request.localAddress().port();
      System.err.println(
          "GUARD host="
              + request.getHeader("Host")
              + " authority="
              + request.authority()
              + " local="
              + request.localAddress()
              + " headers="
              + request.headers().names());
      // Vert.x moves the Host header to the request's authority.
      if (!ownHost(request.authority(), port)) {
        refuse(ctx, 403, "Host must be 127.0.0.1:" + port + " or localhost:" + port);
        return;
      }
      if (dotSegmentOrEncodedSlash(request.path())) {
        refuse(
            ctx,
            404,
            "no such path: a segment that is . or .. or holds a slash (paths are not accepted here)");
        return;
      }
      ctx.next();
    }

    /**
     * The router normalises {@code /api/sync/accounts/%2e%2e} to {@code /api/sync}: a segment that
     * decodes to {@code .} or {@code ..}, or to anything holding {@code /} or {@code \\}, is
     * refused before routing (so is a malformed escape).
     */
    static boolean dotSegmentOrEncodedSlash(String rawPath) {
      if (rawPath == null) {
        return true;
      }
      for (String segment : rawPath.split("/", -1)) {
        if (segment.indexOf('%') < 0 && !segment.equals(".") && !segment.equals("..")) {
          continue;
        }
        String decoded;
        try {
          decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return true;
        }
        if (decoded.equals(".")
            || decoded.equals("..")
            || decoded.contains("/")
            || decoded.contains("\\")) {
          return true;
        }
      }
      return false;
    }

    /** {@code 127.0.0.1}, {@code localhost} or {@code [::1]}, each with the server's port. */
    static boolean ownHost(HostAndPort authority, int port) {
      if (authority == null || authority.port() != port) {
        return false;
      }
      String host = authority.host().toLowerCase(Locale.ROOT);
      return host.equals("127.0.0.1")
          || host.equals("localhost")
          || host.equals("[::1]")
          || host.equals("::1");
    }

    private static void refuse(RoutingContext ctx, int status, String message) {
      ObjectNode body = JSON.createObjectNode();
      body.put("status", status);
      body.put("message", message);
      ctx.response()
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .end(body.toString());
    }
  }
}
