package com.vaultcrmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaultcrmsync.crm.CamelCrmGateway;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import com.vaultcrmsync.testing.JwtKeys;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the runtime picks the OAuth flow from which settings are present — refresh token, JWT
 * keystore, client credentials — and logs in to the emulator with each.
 */
class CrmRuntimeAuthFlowsTest {
  @TempDir Path dir;

  private RuntimeOptions org(Emulator emulator) {
    return RuntimeOptions.of(dir.resolve("state"))
        .withProperty("camel.main.routes-include-pattern", CrmRuntime.CRM_ROUTES_ONLY)
        .withProperty("camel.component.salesforce.login-url", emulator.baseUrl())
        .withProperty("camel.component.salesforce.client-id", EmulatorOptions.DEFAULT_CLIENT_ID);
  }

  private static long users(CrmRuntime runtime) {
    try (CamelCrmGateway crm = runtime.crm()) {
      return crm.query("SELECT Id FROM User", false, r -> {});
    }
  }

  @Test
  void aRefreshTokenSelectsTheRefreshTokenFlow() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
      String refresh = refreshToken(emulator);
      RuntimeOptions options =
          org(emulator)
              .withProperty(
                  "camel.component.salesforce.client-secret", EmulatorOptions.DEFAULT_CLIENT_SECRET)
              .withProperty("camel.component.salesforce.refresh-token", refresh);
      try (CrmRuntime runtime = CrmRuntime.start(options)) {
        assertThat(users(runtime)).isPositive();
      }
    }
  }

  @Test
  void aKeystoreSelectsTheJwtBearerFlow() throws Exception {
    JwtKeys keys = JwtKeys.create(dir);
    try (Emulator emulator =
        Emulator.start(EmulatorOptions.defaults().withJwtCertificate(keys.certificate()))) {
      RuntimeOptions options =
          org(emulator)
              .withProperty(
                  "camel.component.salesforce.user-name", EmulatorOptions.DEFAULT_USERNAME)
              .withProperty("salesforce.jwt.keystore", keys.keystore().toString())
              .withProperty("salesforce.jwt.keystore-password", JwtKeys.PASSWORD);
      try (CrmRuntime runtime = CrmRuntime.start(options)) {
        assertThat(users(runtime)).isPositive();
        assertThat(emulator.stats().oauth()).containsEntry("token", 1L);
      }
    }
  }

  @Test
  void aClientSecretAloneSelectsTheClientCredentialsFlow() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
      RuntimeOptions options =
          org(emulator)
              .withProperty(
                  "camel.component.salesforce.client-secret",
                  EmulatorOptions.DEFAULT_CLIENT_SECRET);
      try (CrmRuntime runtime = CrmRuntime.start(options)) {
        assertThat(users(runtime)).isPositive();
      }
      // Closing the runtime revokes its session.
      assertThat(emulator.stats().oauth()).containsEntry("revoke", 1L);
    }
  }

  private static String refreshToken(Emulator emulator) throws Exception {
    Map<String, String> form =
        Map.of(
            "grant_type", "password",
            "client_id", EmulatorOptions.DEFAULT_CLIENT_ID,
            "client_secret", EmulatorOptions.DEFAULT_CLIENT_SECRET,
            "username", EmulatorOptions.DEFAULT_USERNAME,
            "password", EmulatorOptions.DEFAULT_PASSWORD);
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/services/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    String json =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    return new ObjectMapper().readTree(json).get("refresh_token").asText();
  }
}
