package com.vaultcrmsync.emulator.http;

import com.vaultcrmsync.emulator.org.ApiError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Injected faults (set with {@code POST /__emulator/faults}). Counting is over data API requests
 * (everything under {@code /services/data/vXX.X}) since the faults were set.
 *
 * @param failStatus HTTP status of the injected failure (503, 403, 400, 500...)
 * @param failEvery every n-th request fails with {@code failStatus}; 0 = never
 * @param failErrorCode errorCode of the injected failure; defaults by status
 * @param expireSessionsEvery the n-th request first invalidates every access token (it then gets
 *     401 {@code INVALID_SESSION_ID}); 0 = never
 * @param latencyMs delay added before answering each data API request
 * @param lockRowEvery every n-th record write fails with {@code UNABLE_TO_LOCK_ROW}; 0 = never
 */
public record Faults(
    int failStatus,
    int failEvery,
    String failErrorCode,
    int expireSessionsEvery,
    long latencyMs,
    int lockRowEvery) {

  /** No faults. */
  public static final Faults NONE = new Faults(503, 0, null, 0, 0, 0);

  /** The error an injected failure answers with. */
  ApiError failure() {
    String code = failErrorCode;
    if (code == null) {
      code =
          switch (failStatus) {
            case 403 -> "REQUEST_LIMIT_EXCEEDED";
            case 400 -> "UNABLE_TO_LOCK_ROW";
            case 401 -> "INVALID_SESSION_ID";
            case 404 -> "NOT_FOUND";
            case 500 -> "UNKNOWN_EXCEPTION";
            default -> "SERVER_UNAVAILABLE";
          };
    }
    String message =
        switch (code) {
          case "REQUEST_LIMIT_EXCEEDED" -> "TotalRequests Limit exceeded.";
          case "UNABLE_TO_LOCK_ROW" -> "unable to obtain exclusive access to this record";
          case "INVALID_SESSION_ID" -> "Session expired or invalid";
          case "UNKNOWN_EXCEPTION" -> "An unexpected error occurred. Please try again.";
          default -> "Service temporarily unavailable (injected by the emulator)";
        };
    return ApiError.of(code, message);
  }

  /** The faults as JSON for {@code GET /__emulator/faults}, in the order they are documented. */
  Map<String, Object> toJson(int dailyLimit) {
    Map<String, Object> fail = new LinkedHashMap<>();
    fail.put("status", failStatus);
    fail.put("every", failEvery);
    fail.put("errorCode", failure().errorCode());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("failEvery", fail);
    m.put("expireSessionsEvery", expireSessionsEvery);
    m.put("latencyMs", latencyMs);
    m.put("dailyLimit", dailyLimit);
    m.put("lockRowEvery", lockRowEvery);
    return m;
  }

  static List<String> keys() {
    return List.of("failEvery", "expireSessionsEvery", "latencyMs", "dailyLimit", "lockRowEvery");
  }
}
