package com.vaultcrmsync.emulator.http;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access and refresh tokens issued by the token endpoint. An access token names its user; revoking
 * a refresh token also revokes the access tokens issued from it. Tokens live in memory only: after
 * a restart clients log in again, as they do after a Salesforce session expires.
 */
public final class SessionRegistry {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String orgPrefix;
  private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> issuedFrom = new ConcurrentHashMap<>();

  public SessionRegistry(String orgId) {
    this.orgPrefix = orgId.substring(0, 15) + "!";
  }

  /** A new access token for the user, optionally tied to the refresh token it came from. */
  String issueAccess(String userId, String refreshToken) {
    String token = orgPrefix + random(72);
    accessTokens.put(token, userId);
    if (refreshToken != null) {
      issuedFrom.computeIfAbsent(refreshToken, k -> ConcurrentHashMap.newKeySet()).add(token);
    }
    return token;
  }

  String issueRefresh(String userId) {
    String token = random(64);
    refreshTokens.put(token, userId);
    return token;
  }

  /** The user of a live access token. */
  Optional<String> userOf(String accessToken) {
    return Optional.ofNullable(accessTokens.get(accessToken));
  }

  Optional<String> userOfRefresh(String refreshToken) {
    return Optional.ofNullable(refreshTokens.get(refreshToken));
  }

  /** Revokes an access or refresh token; false when it was not live. */
  boolean revoke(String token) {
    if (accessTokens.remove(token) != null) {
      return true;
    }
    if (refreshTokens.remove(token) != null) {
      Set<String> derived = issuedFrom.remove(token);
      if (derived != null) {
        derived.forEach(accessTokens::remove);
      }
      return true;
    }
    return false;
  }

  /** Ends every access session (refresh tokens stay valid), as a session timeout does. */
  public void expireAll() {
    accessTokens.clear();
    issuedFrom.values().forEach(Set::clear);
  }

  private static String random(int chars) {
    byte[] bytes = new byte[chars * 3 / 4];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
