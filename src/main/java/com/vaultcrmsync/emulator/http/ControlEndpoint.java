package com.vaultcrmsync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.org.ApiError;
import com.vaultcrmsync.emulator.org.ApiException;
import com.vaultcrmsync.emulator.org.JsonBody;
import com.vaultcrmsync.emulator.org.ObjectDef;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test controls under {@code /__emulator/} (not Salesforce; not counted; no token needed, since the
 * emulator only listens on loopback). A web page in the user's browser must not drive them (DNS
 * rebinding, cross-site requests), so every control call is refused unless its {@code Host} is the
 * loopback address or {@code localhost} (403), it carries no {@code Origin} or the emulator's own
 * (403), and a body, if any, is JSON (415): a cross-site page would need a CORS preflight for that,
 * which is never granted.
 *
 * <ul>
 *   <li>{@code GET stats}: {@code {"total","byOperation","oauth","apiUsage":{"used","max"},
 *       "records":{"Account":n,…}}}
 *   <li>{@code POST reset}: deletes every record, clears stats, faults, cursors and the day's usage
 *       (tokens stay valid)
 *   <li>{@code GET|POST|DELETE faults}: {@code {"failEvery":{"status":503,"every":7},
 *       "expireSessionsEvery":40,"latencyMs":0,"dailyLimit":15000,"lockRowEvery":0}}
 *   <li>{@code GET users}: the org's users
 *   <li>{@code POST records/{T}}: creates a record as another user: {@code {"as":"Dana Lee",
 *       …fields}} → 201 {@code {"id","success","errors"}}; {@code PATCH records/{T}/{id}} updates
 *       one the same way (204)
 * </ul>
 */
final class ControlEndpoint {

  private final Emulator emulator;

  ControlEndpoint(Emulator emulator) {
    this.emulator = emulator;
  }

  ApiReply handle(ApiRequest r) throws ApiException {
    refuseForeignCallers(r);
    String what = r.segment(1);
    String method = r.method();
    if (what == null) {
      throw ApiException.notFound();
    }
    switch (what) {
      case "stats" -> {
        requireMethod(method, "GET");
        return ApiReply.ok(statsJson());
      }
      case "reset" -> {
        requireMethod(method, "POST");
        emulator.reset();
        return ApiReply.ok(Map.of("reset", true));
      }
      case "faults" -> {
        if (method.equals("DELETE")) {
          emulator.clearFaults();
        } else if (method.equals("POST") || method.equals("PUT")) {
          emulator.setFaults(parseFaults(r.body()), dailyLimit(r.body()));
        } else {
          requireMethod(method, "GET");
        }
        return ApiReply.ok(emulator.faults().toJson(emulator.stats().dailyMax()));
      }
      case "users" -> {
        requireMethod(method, "GET");
        return ApiReply.ok(
            emulator
                .org()
                .store()
                .scan("User")
                .map(
                    u -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("Id", u.get("Id"));
                      m.put("Username", u.get("Username"));
                      m.put("Name", u.get("Name"));
                      return m;
                    })
                .toList());
      }
      case "records" -> {
        return records(r);
      }
      default -> throw ApiException.notFound();
    }
  }

  /** Refuses a foreign Host or Origin (403) and a body that is not JSON (415). */
  private void refuseForeignCallers(ApiRequest r) throws ApiException {
    String host = r.header("Host");
    if (host == null || !isLoopbackHost(host)) {
      throw new ApiException(
          403,
          ApiError.of(
              "FORBIDDEN",
              "the emulator's controls answer only Host 127.0.0.1, localhost or [::1]"));
    }
    String origin = r.header("Origin");
    if (origin != null && !ownOrigins().contains(origin.toLowerCase(Locale.ROOT))) {
      throw new ApiException(
          403,
          ApiError.of("FORBIDDEN", "the emulator's controls refuse requests from other origins"));
    }
    String type = r.header("Content-Type");
    boolean json =
        type != null
            && type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip().equals("application/json");
    if ((type != null || !r.body().isEmpty()) && !json) {
      throw new ApiException(
          415,
          ApiError.of(
              "UNSUPPORTED_MEDIA_TYPE",
              "the emulator's controls take a JSON body only (Content-Type: application/json)"));
    }
  }

  private List<String> ownOrigins() {
    int port = emulator.port();
    return List.of("http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port);
  }

  /** {@code 127.0.0.1}, {@code localhost} or {@code [::1]}, with or without a port. */
  static boolean isLoopbackHost(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    String name;
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      if (end < 0) {
        return false;
      }
      name = h.substring(0, end + 1);
      h = h.substring(end + 1);
    } else {
      int colon = h.indexOf(':');
      name = colon < 0 ? h : h.substring(0, colon);
      h = colon < 0 ? "" : h.substring(colon);
    }
    if (!h.isEmpty() && !h.matches(":[0-9]{1,5}")) {
      return false;
    }
    return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]");
  }

  private ApiReply records(ApiRequest r) throws ApiException {
    String type = r.segment(2);
    ObjectDef object = type == null ? null : emulator.org().schema().def(type).orElse(null);
    if (object == null) {
      throw ApiException.notFound();
    }
    JsonNode body = JsonBody.parse(r.body()).root();
    if (!(body instanceof ObjectNode node)) {
      throw ApiException.badRequest("JSON_PARSER_ERROR", "expected a JSON object");
    }
    String as = node.path("as").asText(null);
    Map<String, Object> user =
        emulator
            .org()
            .user(as == null ? emulator.org().colleagueUserId() : as)
            .orElseThrow(
                () ->
                    new ApiException(
                        400, ApiError.of("INVALID_CROSS_REFERENCE_KEY", "no such user: " + as)));
    ObjectNode fields = node.deepCopy();
    fields.remove("as");
    String userId = (String) user.get("Id");
    if (r.method().equals("POST") && r.segment(3) == null) {
      String id = emulator.write(object, fields, userId, null);
      return ApiReply.json(201, SObjectEndpoint.saveResult(id, null));
    }
    if (r.method().equals("PATCH") && r.segment(3) != null) {
      emulator.write(object, fields, userId, r.segment(3));
      return ApiReply.noContent();
    }
    throw methodNotAllowed(r.method(), "POST records/{T}, PATCH records/{T}/{id}");
  }

  private Map<String, Object> statsJson() {
    EmulatorStats s = emulator.stats();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", s.total());
    m.put("byOperation", s.byOperation());
    m.put("oauth", s.oauth());
    m.put("apiUsage", Map.of("used", s.dailyUsed(), "max", s.dailyMax()));
    Map<String, Object> counts = new LinkedHashMap<>();
    for (ObjectDef o : emulator.org().schema().objects()) {
      counts.put(o.name(), emulator.org().store().count(o.name()));
    }
    m.put("records", counts);
    return m;
  }

  static Faults parseFaults(String text) throws ApiException {
    JsonNode root = JsonBody.parse(text).root();
    if (!root.isObject()) {
      throw ApiException.badRequest("JSON_PARSER_ERROR", "expected a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!Faults.keys().contains(key)) {
        throw ApiException.badRequest(
            "INVALID_FIELD", "unknown fault '" + key + "' (expected one of " + Faults.keys() + ")");
      }
    }
    JsonNode fail = root.path("failEvery");
    return new Faults(
        fail.path("status").asInt(503),
        fail.path("every").asInt(0),
        fail.path("errorCode").asText(null),
        root.path("expireSessionsEvery").asInt(0),
        root.path("latencyMs").asLong(0),
        root.path("lockRowEvery").asInt(0));
  }

  static Integer dailyLimit(String text) throws ApiException {
    JsonNode limit = JsonBody.parse(text).root().path("dailyLimit");
    return limit.isNumber() ? limit.asInt() : null;
  }

  private static void requireMethod(String method, String allowed) throws ApiException {
    if (!method.equals(allowed)) {
      throw methodNotAllowed(method, allowed);
    }
  }

  static ApiException methodNotAllowed(String method, String allowed) {
    return new ApiException(
        405,
        List.of(
            ApiError.of(
                "METHOD_NOT_ALLOWED",
                "HTTP Method '" + method + "' not allowed. Allowed are " + allowed)));
  }
}
