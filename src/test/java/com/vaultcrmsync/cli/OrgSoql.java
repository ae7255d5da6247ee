package com.vaultcrmsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaultcrmsync.emulator.EmulatorOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: runs SOQL against an emulated org over its REST API, as any client would. */
final class OrgSoql {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private String token;

  OrgSoql(String base) {
    this.base = base;
  }

  /** {@code SELECT COUNT() FROM ...}: the totalSize. */
  int count(String soql) {
    return get("/services/data/v56.0/query?q=" + encode(soql)).get("totalSize").asInt();
  }

  /** Every row of a query, following nextRecordsUrl. */
  List<JsonNode> rows(String soql) {
    List<JsonNode> rows = new ArrayList<>();
    JsonNode page = get("/services/data/v56.0/query?q=" + encode(soql));
    while (true) {
      page.get("records").forEach(rows::add);
      if (page.path("done").asBoolean(true)) {
        return rows;
      }
      page = get(page.get("nextRecordsUrl").asText());
    }
  }

  private JsonNode get(String path) {
    if (token == null) {
      login();
    }
    JsonNode reply =
        send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    return reply;
  }

  private void login() {
    String form =
        "grant_type=password&client_id="
            + encode(EmulatorOptions.DEFAULT_CLIENT_ID)
            + "&client_secret="
            + encode(EmulatorOptions.DEFAULT_CLIENT_SECRET)
            + "&username="
            + encode(EmulatorOptions.DEFAULT_USERNAME)
            + "&password="
            + encode(EmulatorOptions.DEFAULT_PASSWORD);
    token =
        send(HttpRequest.newBuilder(URI.create(base + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build())
            .get("access_token")
            .asText();
  }

  private JsonNode send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
