package com.vaultcrmsync.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.vaultcrmsync.app.ConfigurationException;
import com.vaultcrmsync.app.EmulatorLogin;
import com.vaultcrmsync.app.RuntimeOptions;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import com.vaultcrmsync.report.ReportWriter;
import com.vaultcrmsync.report.RunReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the daemon end to end over loopback (real camel-main, routes, HTTP and emulator): the
 * startup sync, a saved note reaching its Task, colleague activities pulled by the schedule and by
 * the HTTP API, the API's auth and unknown keys, health without a token, and a clean stop.
 *
 * <p>The tests share one daemon (starting one takes seconds) but not their data: each test that
 * changes something has an account note of its own, and the test that stops a daemon starts its
 * own, so every test passes alone and in any order. The daemon binds port 0 and the tests ask it
 * for the port the system chose, so no other process can take the port between a probe and the
 * bind.
 */
class DaemonTest {
  @TempDir static Path dir;
  static Path vault;
  static Emulator org;
  static Daemon daemon;
  static int port;
  static String token;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startDaemon() throws Exception {
    vault = Files.createDirectories(dir.resolve("vault"));
    // Globex is only read; every other note belongs to the one test that changes it.
    for (String account : List.of("Globex", "Initech", "Umbrella", "Hooli", "Stark")) {
      Files.writeString(vault.resolve(account + ".md"), note(account));
    }
    org = Emulator.start(EmulatorOptions.defaults());
    daemon = startOn(vault, dir, "vault-crm-sync");
    port = daemon.httpPort();
    token = Files.readString(vault.resolve(".vault-crm-sync/api-token")).strip();
  }

  /** A daemon on {@code vault} against the emulator, its HTTP API on a port the system picks. */
  private static Daemon startOn(Path vault, Path stateRoot, String name) throws IOException {
    Files.createDirectories(vault.resolve(".obsidian"));
    RuntimeOptions base =
        EmulatorLogin.onto(RuntimeOptions.of(stateRoot), org.baseUrl())
            .withProperty("camel.main.name", name)
            .withProperty("camel.server.port", "0")
            .withProperty("sync.schedule.cron", "0/2 * * * * ?")
            .withProperty("sync.pull.lookback-seconds", "0")
            .withProperty("vault.watch.poll-ms", "200")
            .withProperty("vault.watch.debounce-ms", "300")
            .withProperty("report.vault-note.enabled", "true");
    return Daemon.start(Daemon.folders(base, vault, null));
  }

  private static String note(String account) {
    return """
        ---
        type: customer
        title: %1$s
        last_contact: unknown
        ---

        # %1$s

        ## Recent Context

        - 2026-01-05: [[2026-01-05 - %1$s kickoff]] - Kickoff call (via Jeff)
        """
        .formatted(account);
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
  void theDaemonReportsThePortTheSystemChoseForItsApi() throws Exception {
    assertThat(port).isPositive();
    assertThat(get("/api/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void startsWithAFullSyncThatCreatesTheAccountAndTask() {
    assertThat(daemon.firstRun()).isNotNull();
    assertThat(daemon.firstRun().run().mode()).isEqualTo("full");
    assertThat(tasks())
        .anySatisfy(t -> assertThat(t.get("Subject")).asString().contains("Globex kickoff"));
    assertThat(vault.resolve(".vault-crm-sync/reports/latest.html")).exists();
  }

  @Test
  void theMarkdownReportIsAlsoANoteInTheVaultThatTheSyncSkips() throws IOException {
    Path folder = vault.resolve("vault-crm-sync reports");
    assertThat(folder.resolve("vault-crm-sync report.md"))
        .content()
        .startsWith("---\ntype: vault-crm-sync-report\n")
        .contains("## Needs review");
    assertThat(folder.resolve(".vault-crm-sync-ignore")).exists();
    RunReport latest = ReportWriter.read(vault.resolve(".vault-crm-sync/reports/latest.json"));
    assertThat(latest.notes()).noneMatch(n -> n.path().startsWith("vault-crm-sync reports/"));
  }

  @Test
  void theGeneratedTokenIsStoredForTheOwnerOnly() throws IOException {
    Path file = vault.resolve(".vault-crm-sync/api-token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void aSavedNoteUpdatesItsTaskWithinSeconds() throws IOException {
    Path note = vault.resolve("Initech.md");
    String text = Files.readString(note);
    Files.writeString(note, text.replace("Kickoff call", "Kickoff call about the data lake"));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(tasks("Initech"))
                    .anySatisfy(
                        t ->
                            assertThat(t.get("Description"))
                                .asString()
                                .contains("Kickoff call about the data lake")));
  }

  @Test
  void aColleaguesActivityIsPulledByTheScheduledRun() {
    colleagueTask("Umbrella", "Scheduled pull check", LocalDate.of(2026, 1, 20));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(vault.resolve("Umbrella.md"))
                    .content()
                    .contains("Scheduled pull check"));
  }

  @Test
  void theOnDemandEndpointPullsAndAnswersWithTheRunReport() throws Exception {
    colleagueTask("Hooli", "On-demand pull check", LocalDate.of(2026, 1, 21));
    HttpResponse<String> r = post("/api/sync/accounts/" + encode("Hooli"), token);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"mode\" : \"account\"");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(vault.resolve("Hooli.md")).content().contains("On-demand pull check"));
    HttpResponse<String> full = post("/api/sync", token);
    assertThat(full.statusCode()).isEqualTo(200);
    // The schedule may write a newer report between the two reads: compare until they agree.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              RunReport latest =
                  ReportWriter.read(vault.resolve(".vault-crm-sync/reports/latest.json"));
              assertThat(get("/api/reports/latest", token).body())
                  .contains(latest.run().startedAt());
            });
  }

  @Test
  void theSyncsOwnWriteBackDoesNotTriggerAnotherSync() throws Exception {
    colleagueTask("Stark", "Write-back check", LocalDate.of(2026, 1, 22));
    assertThat(post("/api/sync/accounts/" + encode("Stark"), token).statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(vault.resolve("Stark.md")).content().contains("Write-back check"));
    assertThat(new SyncedNotes(vault, vault.resolve(".vault-crm-sync")).unchanged("Stark.md"))
        .isTrue();
    long noteRuns = noteRuns();
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> noteRuns() == noteRuns);
  }

  @Test
  void everyEndpointButHealthRefusesAMissingOrWrongToken() throws Exception {
    assertThat(post("/api/sync", null).statusCode()).isEqualTo(401);
    assertThat(post("/api/sync", token + "x").statusCode()).isEqualTo(401);
    assertThat(post("/api/sync/accounts/Globex", "wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> latest = get("/api/reports/latest", null);
    assertThat(latest.statusCode()).isEqualTo(401);
    assertThat(latest.body()).contains("bearer token").doesNotContain(token);
    HttpResponse<String> health = get("/api/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"up\"").contains("\"lastRun\":{");
  }

  @Test
  void anOversizedRequestBodyIsRefused() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sync"))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString("x".repeat(200_000)))
            .build();
    assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(413);
  }

  @Test
  void unknownAccountsAndPathLikeKeysAnswer404WithAMessage() throws Exception {
    HttpResponse<String> unknown = post("/api/sync/accounts/" + encode("No Such Co"), token);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No Such Co");
    HttpResponse<String> path = post("/api/sync/accounts/" + encode("../Globex.md"), token);
    assertThat(path.statusCode()).isEqualTo(404);
    assertThat(path.body()).contains("paths are not accepted");
  }

  @Test
  void aSecondDaemonOnTheSamePortRefusesToStart() {
    RuntimeOptions base = RuntimeOptions.of(dir.resolve("second"));
    assertThatThrownBy(() -> Daemon.start(Daemon.folders(base, vault, port)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("port " + port + " on 127.0.0.1 is in use");
  }

  @Test
  void stopsCleanlyAndReleasesThePort(@TempDir Path own) throws IOException {
    // Quartz shares a scheduler per Camel context name within the JVM: stopping a daemon of the
    // same name would stop the shared daemon's schedule too.
    Daemon stopping =
        startOn(Files.createDirectories(own.resolve("vault")), own, "vault-crm-sync-stopping");
    int stoppingPort = stopping.httpPort();
    assertThat(stoppingPort).isPositive().isNotEqualTo(port);

    stopping.close();

    assertThat(stopping.queue().busy()).isFalse();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              try (ServerSocket s =
                  new ServerSocket(stoppingPort, 1, InetAddress.getLoopbackAddress())) {
                return true;
              } catch (IOException e) {
                return false;
              }
            });
  }

  private static long noteRuns() throws IOException {
    try (var files = Files.list(vault.resolve(".vault-crm-sync/reports"))) {
      return files
          .filter(p -> p.getFileName().toString().matches(".*-note(-\\d+)?\\.json"))
          .count();
    }
  }

  private static List<Map<String, Object>> tasks() {
    return org.org().store().scan("Task").toList();
  }

  private static List<Map<String, Object>> tasks(String account) {
    String id = accountId(account);
    return org.org().store().scan("Task").filter(t -> id.equals(t.get("WhatId"))).toList();
  }

  private static String accountId(String name) {
    return org.org()
        .store()
        .scan("Account")
        .filter(a -> name.equals(a.get("Name")))
        .map(a -> (String) a.get("Id"))
        .findFirst()
        .orElseThrow();
  }

  /** A completed Task a colleague logs in the CRM on the account's record. */
  private static void colleagueTask(String account, String subject, LocalDate date) {
    org.insertAs(
        "Dana Lee",
        "Task",
        Map.of(
            "WhatId",
            accountId(account),
            "Subject",
            subject,
            "ActivityDate",
            date,
            "Status",
            "Completed"));
  }

  private static String encode(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static HttpResponse<String> post(String path, String bearer) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(60));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
