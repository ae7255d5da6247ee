package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import com.vaultcrmsync.testing.DaemonLog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that no secret reaches any output: full syncs with the refresh-token and password flows, a
 * failing login, and the daemon's HTTP API called with a wrong and a right token, all with
 * distinctive secret values; then stdout, stderr and every file under the vault (notes, run reports
 * in JSON, Markdown and HTML, the H2 state database, the lock) are searched for each secret and for
 * any access token the org issued. The org runs in the test JVM without a data file, so the
 * emulator's own store (which must hold credentials) is not among the outputs.
 */
class SecretsNeverLeakIT {
  private static final String CLIENT_SECRET = "cs-LEAKCHECK-7f3a9b1c";
  private static final String PASSWORD = "pw-LEAKCHECK-5d2e8c4a";
  private static final String WRONG_PASSWORD = "pw-LEAKCHECK-wrong-91ab";
  private static final String WRONG_REFRESH = "rt-LEAKCHECK-unknown-44ff";
  private static final String API_TOKEN = "api-LEAKCHECK-0c9d8e7f6a";

  @TempDir Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void noSecretAppearsInAnyOutputOfSyncsFailedLoginsOrTheDaemon() throws Exception {
    Path vault = Files.createDirectories(dir.resolve("vault"));
    Files.writeString(
        vault.resolve("Acme.md"),
        "---\ntype: customer\ntitle: Acme\n---\n# Acme\n## Recent Context\n"
            + "- 2026-01-05: Kickoff - first call (via Jeff)\n");
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    EmulatorOptions options =
        EmulatorOptions.defaults().withClientSecret(CLIENT_SECRET).withPassword(PASSWORD);
    try (Emulator org = Emulator.start(options)) {
      String refreshToken = login(org.baseUrl());
      String accessPrefix = org.orgId().substring(0, 15) + "!";

      Map<String, String> refreshFlow = new HashMap<>(secrets());
      refreshFlow.put("SALESFORCE_PASSWORD", "");
      refreshFlow.put("SALESFORCE_USERNAME", "");
      refreshFlow.put("SALESFORCE_REFRESH_TOKEN", refreshToken);
      assertThat(run(org, vault, out, err, refreshFlow)).as(tail(err)).isZero();
      assertThat(org.org().store().scan("Account").count()).isEqualTo(1);

      Files.writeString(
          vault.resolve("Acme.md"),
          Files.readString(vault.resolve("Acme.md"))
              + "- 2026-01-12: Review - second call (via Dana)\n");
      assertThat(run(org, vault, out, err, secrets())).as(tail(err)).isZero();

      Map<String, String> wrong = new HashMap<>(secrets());
      wrong.put("SALESFORCE_PASSWORD", WRONG_PASSWORD);
      int failed = run(org, vault, out, err, wrong);
      assertThat(failed).isNotZero();
      assertThat(Files.readString(err)).contains("invalid_grant");

      Map<String, String> badRefresh = new HashMap<>(secrets());
      badRefresh.put("SALESFORCE_PASSWORD", "");
      badRefresh.put("SALESFORCE_USERNAME", "");
      badRefresh.put("SALESFORCE_REFRESH_TOKEN", WRONG_REFRESH);
      assertThat(run(org, vault, out, err, badRefresh)).isNotZero();

      daemon(org, vault, out, err);

      List<String> secrets =
          List.of(CLIENT_SECRET, PASSWORD, WRONG_PASSWORD, WRONG_REFRESH, API_TOKEN, refreshToken);
      List<Path> outputs = new ArrayList<>(List.of(out, err));
      try (Stream<Path> files = Files.walk(vault)) {
        files.filter(Files::isRegularFile).forEach(outputs::add);
      }
      assertThat(outputs)
          .anyMatch(p -> p.toString().endsWith("state.mv.db"))
          .anyMatch(p -> p.toString().endsWith("latest.json"))
          .anyMatch(p -> p.toString().endsWith("latest.html"));
      for (Path p : outputs) {
        String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
          assertThat(text).as("%s leaks a secret", p).doesNotContain(secret);
        }
        assertThat(text).as("%s leaks an access token", p).doesNotContain(accessPrefix);
      }
    }
  }

  private static Map<String, String> secrets() {
    return Map.of(
        "SALESFORCE_CLIENT_SECRET", CLIENT_SECRET,
        "SALESFORCE_PASSWORD", PASSWORD,
        "VAULT_CRM_SYNC_API_TOKEN", API_TOKEN);
  }

  private static int run(Emulator org, Path vault, Path out, Path err, Map<String, String> env)
      throws Exception {
    Process p = SyncProcess.start(org.baseUrl(), vault, out, err, env);
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("sync did not finish");
    }
    return p.exitValue();
  }

  /** The daemon from the jar, called with a wrong and a right token, then stopped. */
  private static void daemon(Emulator org, Path vault, Path out, Path err) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-jar",
            SyncProcess.jar().toString(),
            "run",
            "--vault",
            vault.toString(),
            "--config",
            DaemonLog.anyPortConfig(err.getParent()).toString());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
            .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
    pb.environment().keySet().removeIf(k -> k.startsWith("SALESFORCE_"));
    pb.environment().putAll(secrets());
    pb.environment().put("SALESFORCE_LOGIN_URL", org.baseUrl());
    pb.environment().put("SALESFORCE_CLIENT_ID", EmulatorOptions.DEFAULT_CLIENT_ID);
    pb.environment().put("SALESFORCE_USERNAME", EmulatorOptions.DEFAULT_USERNAME);
    Process daemon = pb.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + DaemonLog.httpPort(err, Duration.ofMinutes(1));
      await()
          .atMost(Duration.ofMinutes(1))
          .ignoreExceptions()
          .until(
              () ->
                  http.send(
                              HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                              HttpResponse.BodyHandlers.ofString())
                          .statusCode()
                      == 200);
      for (String token : List.of(API_TOKEN + "x", "x" + API_TOKEN, API_TOKEN)) {
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/sync"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofMinutes(1))
                .build(),
            HttpResponse.BodyHandlers.ofString());
      }
    } finally {
      daemon.destroy();
      if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
        daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** A password login of the test itself: the refresh token the refresh-token flow then uses. */
  private static String login(String base) throws Exception {
    String form =
        "grant_type=password&client_id="
            + EmulatorOptions.DEFAULT_CLIENT_ID
            + "&client_secret="
            + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8)
            + "&username="
            + URLEncoder.encode(EmulatorOptions.DEFAULT_USERNAME, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/services/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode json = new ObjectMapper().readTree(r.body());
    return json.get("refresh_token").asText();
  }

  private static String tail(Path file) throws Exception {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    return s.substring(Math.max(0, s.length() - 4000));
  }
}
