package com.vaultcrmsync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

/**
 * Verifies JWT bearer assertions: RS256 over {@code header.claims} with the configured certificate
 * (or public key), {@code exp} in the future (a JSON number or string), {@code aud} one of the
 * Salesforce login hosts or the emulator itself. Segments may be base64url with or without padding.
 */
public final class JwtVerifier {

  /** A verified assertion's issuer and subject, or an OAuth error. */
  record Outcome(String issuer, String subject, String error, String description) {
    static Outcome fail(String error, String description) {
      return new Outcome(null, null, error, description);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> AUDIENCES =
      Set.of("https://login.salesforce.com", "https://test.salesforce.com");

  private final PublicKey key;
  private final Clock clock;

  JwtVerifier(PublicKey key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** Reads a PEM X.509 certificate or PEM public key; null path = JWT grant refused. */
  public static JwtVerifier load(Path pem, Clock clock) {
    if (pem == null) {
      return new JwtVerifier(null, clock);
    }
    try {
      String text = Files.readString(pem, StandardCharsets.US_ASCII);
      if (text.contains("BEGIN CERTIFICATE")) {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        return new JwtVerifier(
            factory
                .generateCertificate(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))
                .getPublicKey(),
            clock);
      }
      if (text.contains("BEGIN PUBLIC KEY")) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return new JwtVerifier(
            KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64))),
            clock);
      }
      throw new IllegalArgumentException(
          pem
              + ": expected a PEM certificate (BEGIN CERTIFICATE) or public key (BEGIN PUBLIC KEY)");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read JWT certificate " + pem + ": " + e, e);
    }
  }

  Outcome verify(String assertion, String emulatorUrl) {
    if (assertion == null || assertion.isEmpty()) {
      return Outcome.fail("invalid_request", "assertion is missing");
    }
    if (key == null) {
      return Outcome.fail("invalid_grant", "invalid assertion");
    }
    String[] parts = assertion.split("\\.");
    if (parts.length != 3) {
      return Outcome.fail("invalid_grant", "invalid assertion");
    }
    try {
      JsonNode header = JSON.readTree(decode(parts[0]));
      JsonNode claims = JSON.readTree(decode(parts[1]));
      if (!"RS256".equals(header.path("alg").asText())) {
        return Outcome.fail("invalid_grant", "invalid assertion");
      }
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rsa.verify(decode(parts[2]))) {
        return Outcome.fail("invalid_grant", "invalid assertion");
      }
      JsonNode exp = claims.path("exp");
      long expiresAt = exp.isNumber() ? exp.asLong() : Long.parseLong(exp.asText("0").trim());
      if (expiresAt * 1000 <= clock.millis()) {
        return Outcome.fail("invalid_grant", "expired authorization code");
      }
      String audience = claims.path("aud").asText("");
      String trimmed =
          audience.endsWith("/") ? audience.substring(0, audience.length() - 1) : audience;
      if (!AUDIENCES.contains(trimmed)
          && !trimmed.equals(emulatorUrl)
          && !trimmed.matches("http://(127\\.0\\.0\\.1|localhost)(:\\d+)?")) {
        return Outcome.fail("invalid_grant", "Audience validation failed");
      }
      return new Outcome(
          claims.path("iss").asText(null), claims.path("sub").asText(null), null, null);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      return Outcome.fail("invalid_grant", "invalid assertion");
    }
  }

  private static byte[] decode(String segment) {
    String unpadded = segment.replace("=", "");
    return Base64.getUrlDecoder().decode(unpadded);
  }
}
