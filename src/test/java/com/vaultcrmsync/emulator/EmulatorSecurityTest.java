package com.vaultcrmsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.testing.LoopbackOnly;
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
 * invalid_grant}).
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
