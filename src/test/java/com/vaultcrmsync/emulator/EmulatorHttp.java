package com.vaultcrmsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain HTTP client for emulator tests: raw status, headers and JSON. */
public final class EmulatorHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  public static final String V = "/services/data/v56.0";

  /** One response. */
  public record Reply(int status, HttpResponse<String> raw, JsonNode json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String body() {
      return raw.body();
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private String token;

  public EmulatorHttp(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  String token() {
    return token;
  }

  void useToken(String value) {
    token = value;
  }

  /** Logs in with the password grant and the default credentials. */
  public EmulatorHttp login() {
    token = passwordGrant("sync@emulator.local").json().get("access_token").asText();
    return this;
  }

  /** The token endpoint's reply to a password grant for {@code username} with the default app. */
  Reply passwordGrant(String username) {
    return form(
        "/services/oauth2/token",
        Map.of(
            "grant_type", "password",
            "client_id", "vault-crm-sync",
            "client_secret", "emulator-secret",
            "username", username,
            "password", "emulator"));
  }

  Reply form(String path, Map<String, String> params) {
    String body =
        params.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply get(String path, String... headers) {
    return call("GET", path, null, headers);
  }

  Reply call(String method, String path, String json, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return send(b);
  }

  private Reply send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
      return new Reply(r.statusCode(), r, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String q(String soql) {
    return URLEncoder.encode(soql, StandardCharsets.UTF_8);
  }
}
