package com.vaultcrmsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Times the emulator over loopback HTTP, one client, as the connector uses it: upserting 100,000
 * Tasks through sObject Collections of 200, and reading a 2,000-record query page, next to a bare
 * HTTP round trip (a JDK server answering {@code {}}) for scale. Prints a Markdown table.
 *
 * <p>Run: {@code scripts/bench emulator [tasks]}, tasks above 4,000 (default 100,000).
 */
public final class EmulatorBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V = "/services/data/v56.0";
  private static final int ACCOUNTS = 100;

  private final HttpClient client = HttpClient.newHttpClient();
  private final List<String> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    // The queryMore row re-reads records 2,000-3,999; a cursor closes at its last page.
    if (tasks <= 4_000) {
      throw new IllegalArgumentException("tasks must exceed 4,000, got " + tasks);
    }
    new EmulatorBenchmark().run(tasks);
  }

  private void run(int tasks) throws Exception {
    // the same server settings as the emulator (TCP_NODELAY), so the baseline is fair
    Class.forName(Emulator.class.getName());
    HttpServer bare = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    bare.setExecutor(Executors.newFixedThreadPool(2));
    bare.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    bare.start();
    try (Emulator emulator =
        Emulator.start(EmulatorOptions.defaults().withDailyApiLimit(1_000_000))) {
      String base = emulator.baseUrl();
      String token = login(base);
      String bareUrl = "http://127.0.0.1:" + bare.getAddress().getPort() + "/";
      List<String> accounts = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS; i++) {
        accounts.add(
            emulator.insertAs("Integration User", "Account", Map.of("Name", "Account " + i)));
      }
      time("bare HTTP round trip (GET, `{}`)", 2000, () -> send("GET", bareUrl, null, null, null));
      time(
          "bare HTTP round trip (POST 200-record body)",
          500,
          () -> send("POST", bareUrl, null, batch(0, accounts, "x"), null));
      time(
          "emulator `GET /limits`",
          2000,
          () -> send("GET", base + V + "/limits", token, null, null));
      int calls = tasks / 200;
      long[] created = new long[calls];
      long start = System.nanoTime();
      for (int c = 0; c < calls; c++) {
        long t0 = System.nanoTime();
        upsert(base, token, batch(c, accounts, "first"));
        created[c] = System.nanoTime() - t0;
      }
      long createTotal = System.nanoTime() - start;
      record("upsert 200 Tasks (all created)", created, createTotal);
      long[] updated = new long[calls];
      start = System.nanoTime();
      for (int c = 0; c < calls; c++) {
        long t0 = System.nanoTime();
        upsert(base, token, batch(c, accounts, "second"));
        updated[c] = System.nanoTime() - t0;
      }
      record("upsert 200 Tasks (all updated)", updated, System.nanoTime() - start);
      String soql =
          URLEncoder.encode(
              "SELECT Id, Subject, Status, ActivityDate, What.Name, Vault_Key__c, SystemModstamp"
                  + " FROM Task WHERE SystemModstamp >= 2020-01-01T00:00:00Z"
                  + " ORDER BY SystemModstamp, Id",
              StandardCharsets.UTF_8);
      time(
          "query: first page of 2,000 of " + tasks + " (WHERE + ORDER BY over all)",
          20,
          () -> send("GET", base + V + "/queryAll?q=" + soql, token, null, null));
      String nextUrl =
          JSON.readTree(send("GET", base + V + "/queryAll?q=" + soql, token, null, null))
              .path("nextRecordsUrl")
              .asText();
      String locatorBase = nextUrl.substring(0, nextUrl.lastIndexOf('-') + 1);
      time(
          "queryMore: a page of 2,000 from an open cursor",
          50,
          () -> send("GET", base + locatorBase + "2000", token, null, null));
      String byAccount =
          URLEncoder.encode(
              "SELECT Id, Subject FROM Task WHERE WhatId = '" + accounts.get(7) + "'",
              StandardCharsets.UTF_8);
      time(
          "query: one account's " + (tasks / ACCOUNTS) + " Tasks (WhatId index)",
          200,
          () -> send("GET", base + V + "/query?q=" + byAccount, token, null, null));
      System.out.println(
          "Emulator benchmark: "
              + tasks
              + " Tasks on "
              + ACCOUNTS
              + " Accounts, one client,"
              + " loopback, "
              + Runtime.getRuntime().availableProcessors()
              + " CPUs, Java "
              + System.getProperty("java.version"));
      System.out.println();
      System.out.println("| operation | calls | mean ms | p50 ms | p95 ms | total s |");
      System.out.println("|---|---:|---:|---:|---:|---:|");
      rows.forEach(System.out::println);
    } finally {
      bare.stop(0);
      ((ExecutorService) bare.getExecutor()).shutdownNow();
    }
  }

  private String login(String base) throws Exception {
    String form =
        "grant_type=password&client_id=vault-crm-sync&client_secret=emulator-secret"
            + "&username=sync%40emulator.local&password=emulator";
    return JSON.readTree(
            send(
                "POST",
                base + "/services/oauth2/token",
                null,
                form,
                "application/x-www-form-urlencoded"))
        .get("access_token")
        .asText();
  }

  private void upsert(String base, String token, String body) throws Exception {
    JsonNode results =
        JSON.readTree(
            send("PATCH", base + V + "/composite/sobjects/Task/Vault_Key__c", token, body, null));
    for (JsonNode r : results) {
      if (!r.path("success").asBoolean()) {
        throw new IllegalStateException("upsert failed: " + r);
      }
    }
  }

  private static String batch(int call, List<String> accounts, String pass) {
    StringBuilder b = new StringBuilder("{\"allOrNone\":false,\"records\":[");
    for (int i = 0; i < 200; i++) {
      int n = call * 200 + i;
      b.append(i == 0 ? "" : ",")
          .append("{\"attributes\":{\"type\":\"Task\"},\"Vault_Key__c\":\"vault-")
          .append(n)
          .append("\",\"Subject\":\"Meeting ")
          .append(n)
          .append(" (")
          .append(pass)
          .append(")\",\"Status\":\"Completed\",\"ActivityDate\":\"2026-01-")
          .append(String.format("%02d", 1 + n % 28))
          .append("\",\"WhatId\":\"")
          .append(accounts.get(n % accounts.size()))
          .append("\",\"Description\":\"Discussed the renewal, next steps and open questions.\"}");
    }
    return b.append("]}").toString();
  }

  private String send(String method, String url, String token, String body, String type)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", type == null ? "application/json" : type);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + url + " -> " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /** One timed action. */
  private interface Action {
    void run() throws Exception;
  }

  private void time(String name, int calls, Action action) throws Exception {
    for (int i = 0; i < Math.min(calls, 20); i++) {
      action.run();
    }
    long[] each = new long[calls];
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      action.run();
      each[i] = System.nanoTime() - t0;
    }
    record(name, each, System.nanoTime() - start);
  }

  private void record(String name, long[] each, long total) {
    long[] sorted = each.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(each).average().orElse(0) / 1e6;
    rows.add(
        String.format(
            "| %s | %d | %.2f | %.2f | %.2f | %.2f |",
            name,
            each.length,
            mean,
            sorted[sorted.length / 2] / 1e6,
            sorted[(int) (sorted.length * 0.95)] / 1e6,
            total / 1e9));
  }
}
