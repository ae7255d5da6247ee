package com.vaultcrmsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.testing.LoopbackOnly;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the emulator lets no one in by accident: it listens on the loopback interface only,
 * refuses wrong passwords, client secrets and refresh tokens, and verifies JWT bearer assertions
 * (wrong signing key, tampered claims, {@code alg: none} and expired ones get {@code
 * invalid_grant}), and keeps its test controls from any web page: a foreign {@code Host} (DNS
 * rebinding) or {@code Origin} gets 403 and a body that is not JSON 415, while the calls tests and
 * scripts make (JSON, {@code Host: 127.0.0.1:PORT}, no {@code Origin}) still work.
 */
class EmulatorSecurityTest {
  @TempDir Path dir;
  private KeyPair trusted;
  private Emulator org;
  private EmulatorHttp http;

  @BeforeEach
  void start() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    trusted = rsa.generateKeyPair();
    Path pem = dir.resolve("jwt.pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(trusted.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    org = Emulator.start(EmulatorOptions.defaults().withJwtCertificate(pem));
    http = new EmulatorHttp(org.baseUrl());
  }

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void itListensOnTheLoopbackInterfaceOnly() throws Exception {
    assertThat(org.baseUrl()).startsWith("http://127.0.0.1:");
    LoopbackOnly.assertListensOnLoopbackOnly(org.port());
  }

  @Test
  void wrongCredentialsAndUnknownRefreshTokensGetOAuthErrors() {
    assertThat(grant("password", "emulator-secret", "wrong").json().get("error").asText())
        .isEqualTo("invalid_grant");
    assertThat(grant("password", "wrong-secret", "emulator").json().get("error").asText())
        .isEqualTo("invalid_client");
    EmulatorHttp.Reply refresh =
        http.form(
            "/services/oauth2/token",
            Map.of(
                "grant_type", "refresh_token",
                "client_id", "vault-crm-sync",
                "client_secret", "emulator-secret",
                "refresh_token", "5Aep861-not-issued"));
    assertThat(refresh.status()).isEqualTo(400);
    assertThat(refresh.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void aJwtSignedWithTheTrustedKeyIsAccepted() throws Exception {
    EmulatorHttp.Reply ok = jwt(sign(header("RS256"), claims(300), trusted.getPrivate()));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("access_token").asText()).isNotBlank();
  }

  @Test
  void aJwtWithAWrongSignatureTamperedClaimsAlgNoneOrPastExpiryIsRefused() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    PrivateKey stranger = rsa.generateKeyPair().getPrivate();
    String good = sign(header("RS256"), claims(300), trusted.getPrivate());
    String[] parts = good.split("\\.");
    String tampered =
        parts[0]
            + "."
            + b64(
                claims(300)
                    .replace("sync@emulator.local", "dana.lee@emulator.local")
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    List<String> refused =
        List.of(
            sign(header("RS256"), claims(300), stranger),
            tampered,
            parts[0] + "." + parts[1] + ".",
            b64(header("none").getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".",
            sign(header("RS256"), claims(-300), trusted.getPrivate()),
            "not.a.jwt",
            good + "x");
    for (String assertion : refused) {
      EmulatorHttp.Reply r = jwt(assertion);
      assertThat(r.status()).as(assertion).isEqualTo(400);
      assertThat(r.json().get("error").asText()).as(assertion).isEqualTo("invalid_grant");
      assertThat(r.body()).doesNotContain("access_token");
    }
  }

  @Test
  void theControlsRefuseAForeignHostOrOriginAndBodiesThatAreNotJson() throws Exception {
    org.insertAs("Dana Lee", "Account", Map.of("Name", "Keep Me"));
    int port = org.port();
    String own = "127.0.0.1:" + port;
    String json = "application/json";
    // The attack of issue 17: a rebound host name, a foreign page, a text/plain body.
    assertThat(raw("POST", "/__emulator/reset", "attacker.rebind.example:" + port, null, null, ""))
        .startsWith("HTTP/1.1 403")
        .contains("\"errorCode\":\"FORBIDDEN\"");
    assertThat(
            raw(
                "POST",
                "/__emulator/reset",
                "attacker.rebind.example",
                "http://evil.example",
                "text/plain",
                "{}"))
        .startsWith("HTTP/1.1 403");
    assertThat(raw("POST", "/__emulator/reset", own, "http://evil.example", null, ""))
        .startsWith("HTTP/1.1 403");
    assertThat(raw("POST", "/__emulator/reset", own, "null", null, "")).startsWith("HTTP/1.1 403");
    assertThat(raw("POST", "/__emulator/reset", "127.0.0.1.evil.example", null, null, ""))
        .startsWith("HTTP/1.1 403");
    assertThat(raw("POST", "/__emulator/reset", own, null, "text/plain", "{}"))
        .startsWith("HTTP/1.1 415")
        .contains("UNSUPPORTED_MEDIA_TYPE");
    assertThat(
            raw(
                "POST",
                "/__emulator/records/Task",
                own,
                null,
                "application/x-www-form-urlencoded",
                "{\"Subject\":\"planted\"}"))
        .startsWith("HTTP/1.1 415");
    assertThat(raw("POST", "/__emulator/reset", own, null, null, "{}")).startsWith("HTTP/1.1 415");
    assertThat(raw("GET", "/__emulator/stats", "evil.example", null, null, ""))
        .startsWith("HTTP/1.1 403");
    assertThat(org.org().store().count("Account")).isEqualTo(1);
    assertThat(org.org().store().count("Task")).isZero();

    // What tests and scripts send still works: own host (any loopback spelling), own origin, JSON.
    assertThat(raw("GET", "/__emulator/stats", own, null, null, "")).startsWith("HTTP/1.1 200");
    assertThat(raw("GET", "/__emulator/stats", "localhost:" + port, null, null, ""))
        .startsWith("HTTP/1.1 200");
    assertThat(raw("GET", "/__emulator/users", "[::1]:" + port, null, null, ""))
        .startsWith("HTTP/1.1 200");
    assertThat(
            raw(
                "POST",
                "/__emulator/faults",
                own,
                "http://localhost:" + port,
                json + "; charset=UTF-8",
                "{\"latencyMs\":0}"))
        .startsWith("HTTP/1.1 200");
    assertThat(http.call("POST", "/__emulator/faults", "{\"lockRowEvery\":0}").status())
        .isEqualTo(200);
    assertThat(http.call("DELETE", "/__emulator/faults", null).status()).isEqualTo(200);
    assertThat(http.call("POST", "/__emulator/reset", null).status()).isEqualTo(200);
    assertThat(org.org().store().count("Account")).isZero();
  }

  /** One request over a plain socket, so that Host and Origin can be anything: the raw answer. */
  private String raw(
      String method, String path, String host, String origin, String type, String body)
      throws Exception {
    StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host);
    if (origin != null) {
      req.append("\r\nOrigin: ").append(origin);
    }
    if (type != null) {
      req.append("\r\nContent-Type: ").append(type);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    req.append("\r\nContent-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), org.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private EmulatorHttp.Reply grant(String type, String secret, String password) {
    return http.form(
        "/services/oauth2/token",
        Map.of(
            "grant_type", type,
            "client_id", "vault-crm-sync",
            "client_secret", secret,
            "username", "sync@emulator.local",
            "password", password));
  }

  private EmulatorHttp.Reply jwt(String assertion) {
    return http.form(
        "/services/oauth2/token",
        Map.of(
            "grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion));
  }

  private static String header(String alg) {
    return "{\"alg\":\"" + alg + "\"}";
  }

  private String claims(long expiresInSeconds) {
    return "{\"iss\":\"vault-crm-sync\",\"sub\":\"sync@emulator.local\",\"aud\":\""
        + org.baseUrl()
        + "\",\"exp\":"
        + (Instant.now().getEpochSecond() + expiresInSeconds)
        + "}";
  }

  private static String sign(String header, String claims, PrivateKey key) throws Exception {
    String input =
        b64(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64(claims.getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64(rsa.sign());
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
