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
import java.util.Map;

/**
 * Test controls under {@code /__emulator/} (not Salesforce; not counted; no token needed, since the
 * emulator only listens on loopback):
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
