package com.vaultcrmsync.emulator;

import static com.vaultcrmsync.emulator.EmulatorHttp.V;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.emulator.org.Org;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves the token and revoke endpoints answer every grant with Salesforce's exact shapes. */
class OAuthEndpointTest {

  private Emulator emulator;
  private EmulatorHttp http;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorOptions.defaults());
    http = new EmulatorHttp(emulator.baseUrl());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Map<String, String> password(String secret, String pw) {
    return Map.of(
        "grant_type", "password",
        "client_id", "vault-crm-sync",
        "client_secret", secret,
        "username", "sync@emulator.local",
        "password", pw,
        "format", "json");
  }

  @Test
  void passwordGrantReturnsTokenShapeWithRefreshTokenAndIdentityUrl() {
    EmulatorHttp.Reply r =
        http.form("/services/oauth2/token", password("emulator-secret", "emulator"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
    assertThat(r.header("Sforce-Limit-Info")).isNull();
    assertThat(r.json().fieldNames())
        .toIterable()
        .containsExactly(
            "access_token",
            "refresh_token",
            "signature",
            "scope",
            "instance_url",
            "id",
            "token_type",
            "issued_at");
    String id = r.json().get("id").asText();
    assertThat(id)
        .isEqualTo(
            emulator.baseUrl() + "/id/" + emulator.orgId() + "/" + emulator.integrationUserId());
    assertThat(id.substring(id.indexOf("id/") + 3, id.indexOf("id/") + 21))
        .isEqualTo(emulator.orgId());
    assertThat(r.json().get("instance_url").asText()).isEqualTo(emulator.baseUrl());
    assertThat(r.json().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(r.json().get("issued_at").asText()).matches("\\d{13}");
    assertThat(r.json().get("access_token").asText())
        .startsWith(emulator.orgId().substring(0, 15) + "!");
  }

  @Test
  void wrongPasswordClientOrSecretGetOAuthErrors() {
    EmulatorHttp.Reply bad =
        http.form("/services/oauth2/token", password("emulator-secret", "nope"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body())
        .isEqualTo(
            "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}");
    EmulatorHttp.Reply secret = http.form("/services/oauth2/token", password("wrong", "emulator"));
    assertThat(secret.json().get("error").asText()).isEqualTo("invalid_client");
    EmulatorHttp.Reply client =
        http.form("/services/oauth2/token", Map.of("grant_type", "password", "client_id", "x"));
    assertThat(client.json().get("error").asText()).isEqualTo("invalid_client_id");
    assertThat(client.json().get("error_description").asText())
        .isEqualTo("client identifier invalid");
    EmulatorHttp.Reply grant =
        http.form("/services/oauth2/token", Map.of("grant_type", "authorization_code"));
    assertThat(grant.json().get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void refreshTokenGrantIssuesANewAccessTokenWithoutARefreshToken() {
    EmulatorHttp.Reply login =
        http.form("/services/oauth2/token", password("emulator-secret", "emulator"));
    String refresh = login.json().get("refresh_token").asText();
    EmulatorHttp.Reply r =
        http.form(
            "/services/oauth2/token",
            Map.of(
                "grant_type", "refresh_token",
                "client_id", "vault-crm-sync",
                "client_secret", "emulator-secret",
                "refresh_token", refresh));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().has("refresh_token")).isFalse();
    http.useToken(r.json().get("access_token").asText());
    assertThat(http.get(V + "/limits").status()).isEqualTo(200);
    EmulatorHttp.Reply unknown =
        http.form(
            "/services/oauth2/token",
            Map.of(
                "grant_type",
                "refresh_token",
                "client_id",
                "vault-crm-sync",
                "refresh_token",
                "x"));
    assertThat(unknown.json().get("error_description").asText())
        .isEqualTo("expired access/refresh token");
  }

  @Test
  void clientCredentialsGrantAcceptsBodyParametersOrBasicAuth() throws Exception {
    EmulatorHttp.Reply body =
        http.form(
            "/services/oauth2/token",
            Map.of(
                "grant_type", "client_credentials",
                "client_id", "vault-crm-sync",
                "client_secret", "emulator-secret"));
    assertThat(body.status()).isEqualTo(200);
    String basic =
        Base64.getEncoder()
            .encodeToString("vault-crm-sync:emulator-secret".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/services/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"token_type\":\"Bearer\"");
  }

  @Test
  void revokedAndUnknownTokensGet401InvalidSessionId() {
    http.login();
    String token = http.token();
    EmulatorHttp.Reply revoke = http.get("/services/oauth2/revoke?token=" + token);
    assertThat(revoke.status()).isEqualTo(200);
    assertThat(revoke.body()).isEmpty();
    EmulatorHttp.Reply after = http.get(V + "/limits");
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.body())
        .isEqualTo(
            "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
    EmulatorHttp.Reply again = http.form("/services/oauth2/revoke", Map.of("token", token));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("error").asText()).isEqualTo("invalid_token");
  }

  @Test
  void identityUrlDescribesTheCallingUser() {
    EmulatorHttp.Reply login =
        http.form("/services/oauth2/token", password("emulator-secret", "emulator"));
    http.useToken(login.json().get("access_token").asText());
    String path = login.json().get("id").asText().substring(emulator.baseUrl().length());
    EmulatorHttp.Reply who = http.get(path);
    assertThat(who.status()).isEqualTo(200);
    assertThat(who.json().get("username").asText()).isEqualTo("sync@emulator.local");
    assertThat(who.json().get("display_name").asText()).isEqualTo("Integration User");
    assertThat(who.json().get("organization_id").asText()).isEqualTo(emulator.orgId());
  }

  @Test
  void oauthSchemeIsAcceptedLikeBearer() {
    http.login();
    EmulatorHttp plain = new EmulatorHttp(emulator.baseUrl());
    EmulatorHttp.Reply r = plain.get(V + "/limits", "Authorization", "OAuth " + http.token());
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void colleagueCanLogInWithTheSharedPassword() {
    EmulatorHttp.Reply r = http.passwordGrant(Org.COLLEAGUE_USERNAME);
    assertThat(r.json().get("id").asText()).endsWith("/" + emulator.colleagueUserId());
  }
}
