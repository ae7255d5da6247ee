package com.vaultcrmsync.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vaultcrmsync.app.EmulatorLogin;
import com.vaultcrmsync.app.RuntimeOptions;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import com.vaultcrmsync.emulator.http.Faults;
import com.vaultcrmsync.testing.LoopbackOnly;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the daemon's HTTP API lets no one in: it listens on 127.0.0.1 only even when configured
 * otherwise, every endpoint but health needs the exact bearer token, bodies above the limit are
 * refused before anything runs, and account keys are never used as paths (a FIFO outside the vault
 * would hang any reader; the calls answer 404 at once).
 */
@Timeout(120)
class HttpApiSecurityTest {
  private static final String TOKEN = "api-token-Zq9vW3xK7pL2mN8r-c4Tg6Hs1";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path dir;
  static Path vault;
  static Emulator org;
  static Daemon daemon;
  static int port;

  @BeforeAll
  static void startDaemon() throws Exception {
    vault = Files.createDirectories(dir.resolve("vault"));
    Files.writeString(
        vault.resolve("Globex.md"),
        "---\ntype: customer\ntitle: Globex\n---\n# Globex\n## Recent Context\n"
            + "- 2026-01-05: Kickoff - call (via Jeff)\n");
    org = Emulator.start(EmulatorOptions.defaults());
    RuntimeOptions base =
        EmulatorLogin.onto(RuntimeOptions.of(dir), org.baseUrl())
            // Port 0: the system picks a free port at bind time and the daemon reports it.
            .withProperty("camel.server.port", "0")
            .withProperty("sync.schedule.cron", "0 0 0 1 1 ? 2099")
            // Short, so that the half-open connection test is quick.
            .withProperty("api.idle-timeout-seconds", "1")
            // A configuration asking for every interface: the daemon must still bind loopback.
            .withProperty("camel.server.host", "0.0.0.0");
    Files.writeString(
        Files.createDirectories(vault.resolve(".vault-crm-sync")).resolve("api-token"), TOKEN);
    Files.setPosixFilePermissions(
        vault.resolve(".vault-crm-sync/api-token"), PosixFilePermissions.fromString("rw-------"));
    daemon = Daemon.start(Daemon.folders(base, vault, null));
    port = daemon.httpPort();
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      daemon.close();
    }
    if (org != null) {
      org.close();
    }
  }

  @Test
  void itListensOnTheLoopbackInterfaceOnlyWhateverTheConfigurationSays() throws Exception {
    LoopbackOnly.assertListensOnLoopbackOnly(port);
  }

  @Test
  void everyEndpointButHealthNeedsTheExactBearerToken() throws Exception {
    List<String> refused =
        List.of(
            "",
            "Bearer ",
            "Bearer wrong",
            "Bearer " + TOKEN.substring(1),
            "Bearer " + TOKEN + "x",
            "Bearer x" + TOKEN.substring(1),
            "Bearer " + TOKEN.substring(0, TOKEN.length() - 1) + "x",
            "Basic " + Base64.getEncoder().encodeToString((":" + TOKEN).getBytes()),
            TOKEN,
            "Token " + TOKEN);
    for (String auth : refused) {
      assertThat(call("POST", "/api/sync", auth).statusCode()).as(auth).isEqualTo(401);
      assertThat(call("POST", "/api/sync/accounts/Globex", auth).statusCode())
          .as(auth)
          .isEqualTo(401);
      HttpResponse<String> latest = call("GET", "/api/reports/latest", auth);
      assertThat(latest.statusCode()).as(auth).isEqualTo(401);
      assertThat(latest.body()).doesNotContain(TOKEN);
    }
    assertThat(call("GET", "/api/reports/latest?token=" + TOKEN, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/health", null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/reports/latest", "Bearer " + TOKEN).statusCode()).isIn(200, 404);
  }

  @Test
  void theTokenCountsOnlyInTheAuthorizationHeaderNeverInAQueryOrAFormField() throws Exception {
    String bearer = URLEncoder.encode("Bearer " + TOKEN, StandardCharsets.UTF_8);
    Object lastRun = daemon.queue().lastReport().orElse(null);
    assertThat(call("GET", "/api/reports/latest?Authorization=" + bearer, null).statusCode())
        .isEqualTo(401);
    assertThat(call("GET", "/api/reports/latest?authorization=" + bearer, null).statusCode())
        .isEqualTo(401);
    assertThat(call("POST", "/api/sync?Authorization=" + bearer, null).statusCode()).isEqualTo(401);
    HttpResponse<String> form =
        HTTP.send(
            request("/api/sync", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Authorization=" + bearer))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(401);
    HttpResponse<String> account =
        HTTP.send(
            request("/api/sync/accounts/Globex", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Authorization=" + bearer))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(account.statusCode()).isEqualTo(401);
    assertThat(daemon.queue().lastReport().orElse(null)).isSameAs(lastRun);
    assertThat(daemon.queue().busy()).isFalse();
    // The header itself still works.
    assertThat(call("GET", "/api/reports/latest", "Bearer " + TOKEN).statusCode()).isIn(200, 404);
  }

  @Test
  void aForeignHostIsRefusedOnEveryPathBeforeAnythingRuns() throws Exception {
    Object lastRun = daemon.queue().lastReport().orElse(null);
    for (String host :
        List.of(
            "evil.example",
            "evil.example:" + port,
            "127.0.0.1",
            "127.0.0.1:" + (port == 1 ? 2 : port - 1),
            "127.0.0.1.evil.example:" + port,
            "localhost.evil.example:" + port,
            "")) {
      for (String path :
          List.of("/api/health", "/api/reports/latest", "/api/no-such-path", "/", "/review")) {
        String answer = raw("GET", path, host, "Bearer " + TOKEN);
        if (host.isEmpty()) {
          // HTTP/1.1 without Host: Vert.x itself answers 400 before any handler.
          assertThat(answer).as(path).startsWith("HTTP/1.1 400").doesNotContain("lastRun");
          continue;
        }
        assertThat(answer).as(host + " " + path).startsWith("HTTP/1.1 403");
        assertThat(answer)
            .as(host + " " + path)
            .contains("\"status\":403")
            .doesNotContain("lastRun");
      }
      assertThat(raw("POST", "/api/sync", host, "Bearer " + TOKEN))
          .as(host)
          .startsWith(host.isEmpty() ? "HTTP/1.1 400" : "HTTP/1.1 403");
    }
    assertThat(daemon.queue().lastReport().orElse(null)).isSameAs(lastRun);
    assertThat(raw("GET", "/api/health", "127.0.0.1:" + port, null)).startsWith("HTTP/1.1 200");
    assertThat(raw("GET", "/api/health", "localhost:" + port, null)).startsWith("HTTP/1.1 200");
    assertThat(raw("GET", "/api/health", "[::1]:" + port, null)).startsWith("HTTP/1.1 200");
    assertThat(call("GET", "/api/health", null).statusCode()).isEqualTo(200);
  }

  /** One request over a plain socket (any Host, even none): the raw answer. */
  private static String raw(String method, String path, String host, String authorization)
      throws IOException {
    StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    if (!host.isEmpty()) {
      req.append("Host: ").append(host).append("\r\n");
    }
    if (authorization != null) {
      req.append("Authorization: ").append(authorization).append("\r\n");
    }
    req.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void anEncodedDotSegmentIsAnUnknownPathNotAFullSync() throws Exception {
    Object lastRun = daemon.queue().lastReport().orElse(null);
    long calls = org.stats().total();
    for (String key : List.of("%2e%2e", "%2E%2E", "%2e", ".%2e", "%2e%2e%2F", "%2e%2e/")) {
      HttpResponse<String> r = call("POST", "/api/sync/accounts/" + key, "Bearer " + TOKEN);
      assertThat(r.statusCode()).as(key).isEqualTo(404);
      assertThat(r.body()).as(key).contains("\"status\":404").doesNotContain("\"run\"");
    }
    assertThat(daemon.queue().lastReport().orElse(null)).isSameAs(lastRun);
    assertThat(daemon.queue().busy()).isFalse();
    assertThat(org.stats().total()).isEqualTo(calls);
  }

  @Test
  void aHalfOpenConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    long start = System.nanoTime();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      // Without a timeout the read below would block for good: 15 s then fail the test.
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write("GET /api/hea".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      assertThat(socket.getInputStream().read())
          .as("the server closed the connection")
          .isEqualTo(-1);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(call("GET", "/api/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aSyncCallLongerThanTheIdleTimeoutStillGetsItsAnswer() throws Exception {
    org.setFaults(new Faults(503, 0, null, 0, 400, 0), null);
    try {
      long start = System.nanoTime();
      HttpResponse<String> r = call("POST", "/api/sync/accounts/Globex", "Bearer " + TOKEN);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(1));
    } finally {
      org.clearFaults();
    }
  }

  @Test
  void theTokenComparisonRejectsEveryNearMissWhereverItDiffers() {
    ApiToken token = ApiToken.of(TOKEN);
    assertThat(token.accepts("Bearer " + TOKEN)).isTrue();
    for (int i = 0; i < TOKEN.length(); i++) {
      char[] c = TOKEN.toCharArray();
      c[i] = c[i] == 'a' ? 'b' : 'a';
      assertThat(token.accepts("Bearer " + new String(c))).as("differs at %d", i).isFalse();
    }
    assertThat(token.accepts("Bearer " + TOKEN.repeat(2))).isFalse();
    assertThat(token.accepts(null)).isFalse();
  }

  @Test
  void aRequestBodyAboveTheLimitIsRefusedAndNothingRuns() throws Exception {
    long accounts = org.org().store().scan("Account").count();
    byte[] big = new byte[1024 * 1024];
    HttpResponse<String> sized =
        HTTP.send(
            request("/api/sync", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sized.statusCode()).isEqualTo(413);
    int chunked;
    try {
      chunked =
          HTTP.send(
                  request("/api/sync", "Bearer " + TOKEN)
                      .POST(
                          HttpRequest.BodyPublishers.ofInputStream(
                              () -> new ByteArrayInputStream(big)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode();
    } catch (IOException closed) {
      // The server may close the connection while the client still sends: refused too, as long
      // as the server is still up (a crashed server would close it as well).
      assertThat(call("GET", "/api/health", null).statusCode()).isEqualTo(200);
      chunked = 413;
    }
    assertThat(chunked).isEqualTo(413);
    assertThat(org.org().store().scan("Account").count()).isEqualTo(accounts);
  }

  @Test
  void accountKeysAreNeverUsedAsPaths() throws Exception {
    Path fifo = dir.resolve("outside.md");
    String failure = mkfifo(fifo);
    assumeTrue(failure == null, () -> "no FIFO to plant outside the vault: " + failure);
    List<String> keys =
        List.of(
            "..%2Foutside.md",
            "..%2Foutside",
            "..%2F..%2F..%2F..%2Fetc%2Fpasswd",
            "%2Fetc%2Fpasswd",
            "..%5Coutside.md",
            "%2E%2E%2Foutside.md",
            "Globex.md",
            "%00Globex");
    for (String key : keys) {
      HttpResponse<String> r = call("POST", "/api/sync/accounts/" + key, "Bearer " + TOKEN);
      assertThat(r.statusCode()).as(key).isEqualTo(404);
      assertThat(r.body()).as(key).doesNotContain("root:x:0:0");
    }
    HttpResponse<String> report =
        call("GET", "/api/reports/..%2F..%2Fapi-token", "Bearer " + TOKEN);
    assertThat(report.statusCode()).isEqualTo(404);
    assertThat(report.body()).doesNotContain(TOKEN);
    assertThat(org.org().store().scan("Account").filter(a -> "Outside".equals(a.get("Name"))))
        .isEmpty();
  }

  /** Makes a FIFO with coreutils' mkfifo: null when it worked, else why not. */
  private static String mkfifo(Path fifo) throws InterruptedException {
    try {
      Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 && Files.exists(fifo) ? null : "mkfifo failed: " + output.strip();
    } catch (IOException e) {
      return "mkfifo cannot run (" + e.getMessage() + ")";
    }
  }

  private static HttpRequest.Builder request(String path, String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (authorization != null && !authorization.isEmpty()) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private static HttpResponse<String> call(String method, String path, String authorization)
      throws Exception {
    return HTTP.send(
        request(path, authorization).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
