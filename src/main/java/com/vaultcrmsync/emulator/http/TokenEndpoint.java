package com.vaultcrmsync.emulator.http;

import com.vaultcrmsync.emulator.EmulatorOptions;
import com.vaultcrmsync.emulator.org.Org;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code /services/oauth2/token} and {@code /services/oauth2/revoke}, on the login and the instance
 * URL alike: grants password (which also issues a refresh token), refresh_token, client_credentials
 * (body or HTTP Basic) and JWT bearer, with Salesforce's success and error shapes. Every emulated
 * user shares the configured password.
 */
public final class TokenEndpoint {

  static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private final EmulatorOptions options;
  private final Org org;
  private final SessionRegistry sessions;
  private final JwtVerifier jwt;

  public TokenEndpoint(
      EmulatorOptions options, Org org, SessionRegistry sessions, JwtVerifier jwt) {
    this.options = options;
    this.org = org;
    this.sessions = sessions;
    this.jwt = jwt;
  }

  ApiReply token(ApiRequest request, String baseUrl) {
    if (!request.method().equals("POST")) {
      return ApiReply.oauthError("invalid_request", "must use HTTP POST");
    }
    Map<String, String> p = request.formAndQuery();
    String grant = p.get("grant_type");
    if (grant == null || grant.isEmpty()) {
      return ApiReply.oauthError("invalid_request", "grant type is missing");
    }
    String[] basic = basicCredentials(request.header("Authorization"));
    String clientId = p.getOrDefault("client_id", basic == null ? null : basic[0]);
    String clientSecret = p.getOrDefault("client_secret", basic == null ? null : basic[1]);
    switch (grant) {
      case "password" -> {
        ApiReply bad = checkClient(clientId, clientSecret, true);
        if (bad != null) {
          return bad;
        }
        Optional<Map<String, Object>> user = org.user(p.get("username"));
        if (user.isEmpty()
            || !Boolean.TRUE.equals(user.get().get("IsActive"))
            || !same(options.password(), p.get("password"))
            || !String.valueOf(user.get().get("Username")).equalsIgnoreCase(p.get("username"))) {
          return ApiReply.oauthError("invalid_grant", "authentication failure");
        }
        String userId = (String) user.get().get("Id");
        String refresh = sessions.issueRefresh(userId);
        return success(baseUrl, userId, refresh, sessions.issueAccess(userId, refresh));
      }
      case "refresh_token" -> {
        ApiReply bad = checkClient(clientId, clientSecret, false);
        if (bad != null) {
          return bad;
        }
        String refresh = p.get("refresh_token");
        Optional<String> userId =
            refresh == null ? Optional.empty() : sessions.userOfRefresh(refresh);
        if (userId.isEmpty()) {
          return ApiReply.oauthError("invalid_grant", "expired access/refresh token");
        }
        return success(baseUrl, userId.get(), null, sessions.issueAccess(userId.get(), refresh));
      }
      case "client_credentials" -> {
        ApiReply bad = checkClient(clientId, clientSecret, true);
        if (bad != null) {
          return bad;
        }
        String userId = org.integrationUserId();
        return success(baseUrl, userId, null, sessions.issueAccess(userId, null));
      }
      case JWT_GRANT -> {
        JwtVerifier.Outcome outcome = jwt.verify(p.get("assertion"), baseUrl);
        if (outcome.error() != null) {
          return ApiReply.oauthError(outcome.error(), outcome.description());
        }
        if (!options.clientId().equals(outcome.issuer())) {
          return ApiReply.oauthError("invalid_client_id", "client identifier invalid");
        }
        Optional<Map<String, Object>> user = org.user(outcome.subject());
        if (user.isEmpty()
            || !String.valueOf(user.get().get("Username")).equalsIgnoreCase(outcome.subject())) {
          return ApiReply.oauthError("invalid_grant", "user hasn't approved this consumer");
        }
        String userId = (String) user.get().get("Id");
        return success(baseUrl, userId, null, sessions.issueAccess(userId, null));
      }
      default -> {
        return ApiReply.oauthError("unsupported_grant_type", "grant type not supported");
      }
    }
  }

  ApiReply revoke(ApiRequest request) {
    String token = request.formAndQuery().get("token");
    if (token == null || token.isEmpty()) {
      return ApiReply.oauthError("unsupported_token_type", "Token type not supported");
    }
    if (!sessions.revoke(token)) {
      return ApiReply.oauthError("invalid_token", "Token was invalid");
    }
    return new ApiReply(200, null, new LinkedHashMap<>());
  }

  private ApiReply checkClient(String clientId, String clientSecret, boolean secretRequired) {
    if (clientId == null || !clientId.equals(options.clientId())) {
      return ApiReply.oauthError("invalid_client_id", "client identifier invalid");
    }
    if ((secretRequired || clientSecret != null) && !same(options.clientSecret(), clientSecret)) {
      return ApiReply.oauthError("invalid_client", "invalid client credentials");
    }
    return null;
  }

  private ApiReply success(String baseUrl, String userId, String refresh, String access) {
    String id = baseUrl + "/id/" + org.orgId() + "/" + userId;
    String issuedAt = Long.toString(org.clock().millis());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", access);
    if (refresh != null) {
      body.put("refresh_token", refresh);
    }
    body.put("signature", signature(id + issuedAt));
    body.put("scope", refresh != null ? "refresh_token api full" : "api full");
    body.put("instance_url", baseUrl);
    body.put("id", id);
    body.put("token_type", "Bearer");
    body.put("issued_at", issuedAt);
    ApiReply reply = ApiReply.ok(body);
    reply.headers().put("Cache-Control", "no-store");
    return reply;
  }

  /** Base64(HMAC-SHA256(client secret, id + issued_at)), as Salesforce signs token replies. */
  private String signature(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(options.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {
            ApiRequest.decode(decoded.substring(0, colon)),
            ApiRequest.decode(decoded.substring(colon + 1))
          };
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Constant-time comparison, so response times do not reveal secrets. */
  private static boolean same(String expected, String given) {
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
