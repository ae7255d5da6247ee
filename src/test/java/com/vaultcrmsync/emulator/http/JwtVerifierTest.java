package com.vaultcrmsync.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves JWT bearer assertions are verified as Salesforce does, whatever the client's encoding. */
class JwtVerifierTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
  private static final long NOW = CLOCK.instant().getEpochSecond();
  private static KeyPair keys;

  @TempDir Path dir;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
  }

  private JwtVerifier verifier() throws Exception {
    Path pem = dir.resolve("key.pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    return JwtVerifier.load(pem, CLOCK);
  }

  private static String jwt(String claims, boolean padded, KeyPair signer) throws Exception {
    Base64.Encoder url = padded ? Base64.getUrlEncoder() : Base64.getUrlEncoder().withoutPadding();
    String head =
        url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(signer.getPrivate());
    rsa.update(head.getBytes(StandardCharsets.UTF_8));
    return head + "." + url.encodeToString(rsa.sign());
  }

  @Test
  void acceptsStringOrNumericExpWithOrWithoutPadding() throws Exception {
    JwtVerifier v = verifier();
    String stringExp =
        "{\"iss\":\"vault-crm-sync\",\"sub\":\"sync@emulator.local\",\"aud\":\"https://login.salesforce.com\",\"exp\":\""
            + (NOW + 120)
            + "\"}";
    String numberExp =
        "{\"iss\":\"vault-crm-sync\",\"sub\":\"sync@emulator.local\",\"aud\":\"http://127.0.0.1:9\",\"exp\":"
            + (NOW + 120)
            + "}";
    JwtVerifier.Outcome padded = v.verify(jwt(stringExp, true, keys), "http://127.0.0.1:9");
    JwtVerifier.Outcome unpadded = v.verify(jwt(numberExp, false, keys), "http://127.0.0.1:9");
    assertThat(padded.error()).isNull();
    assertThat(padded.subject()).isEqualTo("sync@emulator.local");
    assertThat(unpadded.error()).isNull();
    assertThat(unpadded.issuer()).isEqualTo("vault-crm-sync");
  }

  @Test
  void refusesForeignSignaturesExpiredAssertionsAndWrongAudiences() throws Exception {
    JwtVerifier v = verifier();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String claims =
        "{\"iss\":\"a\",\"sub\":\"b\",\"aud\":\"https://login.salesforce.com\",\"exp\":"
            + (NOW + 60)
            + "}";
    assertThat(v.verify(jwt(claims, true, generator.generateKeyPair()), "x").description())
        .isEqualTo("invalid assertion");
    String expired =
        "{\"iss\":\"a\",\"sub\":\"b\",\"aud\":\"https://login.salesforce.com\",\"exp\":"
            + (NOW - 1)
            + "}";
    assertThat(v.verify(jwt(expired, true, keys), "x").error()).isEqualTo("invalid_grant");
    String audience =
        "{\"iss\":\"a\",\"sub\":\"b\",\"aud\":\"https://evil.example\",\"exp\":" + (NOW + 60) + "}";
    assertThat(v.verify(jwt(audience, true, keys), "x").description())
        .isEqualTo("Audience validation failed");
    assertThat(JwtVerifier.load(null, CLOCK).verify(jwt(claims, true, keys), "x").error())
        .isEqualTo("invalid_grant");
  }
}
