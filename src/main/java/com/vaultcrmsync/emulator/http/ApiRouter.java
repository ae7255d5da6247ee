package com.vaultcrmsync.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.org.ApiError;
import com.vaultcrmsync.emulator.org.ApiException;
import com.vaultcrmsync.emulator.org.ObjectDef;
import com.vaultcrmsync.emulator.org.SalesforceId;
import com.vaultcrmsync.emulator.org.WireFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every HTTP request: OAuth, the versions list, the data API (authenticated, counted,
 * subject to faults and the daily limit, answered with {@code Sforce-Limit-Info}) and the test
 * controls. Unknown paths get Salesforce's 404 {@code NOT_FOUND}; any unexpected failure a 500
 * {@code UNKNOWN_EXCEPTION}, never a stack trace.
 */
public final class ApiRouter implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/json;charset=UTF-8";

  /** A data API operation: its name for statistics and what runs it. */
  private record Route(String operation, Handler handler) {}

  private interface Handler {
    ApiReply run(CallContext c) throws ApiException;
  }

  private final Emulator emulator;
  private final ControlEndpoint control;

  public ApiRouter(Emulator emulator) {
    this.emulator = emulator;
    this.control = new ControlEndpoint(emulator);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      ApiReply reply;
      try {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        exchange
            .getRequestHeaders()
            .forEach(
                (k, v) -> {
                  if (!v.isEmpty()) {
                    headers.put(k.toLowerCase(Locale.ROOT), v.get(0));
                  }
                });
        URI uri = exchange.getRequestURI();
        ApiRequest request =
            ApiRequest.of(
                exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
        reply = dispatch(request);
      } catch (RuntimeException e) {
        LOG.error(
            "emulator failed on {} {}",
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            e);
        reply =
            ApiReply.error(
                500,
                List.of(
                    ApiError.of(
                        "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please try again.")));
      }
      write(exchange, reply);
    }
  }

  private ApiReply dispatch(ApiRequest r) {
    List<String> s = r.segments();
    try {
      if (!s.isEmpty() && s.get(0).equals("__emulator")) {
        return control.handle(r);
      }
      if (s.size() >= 3 && s.get(0).equals("services") && s.get(1).equals("oauth2")) {
        if (s.size() == 3 && s.get(2).equals("token")) {
          emulator.callStats().oauth("token");
          return emulator.tokens().token(r, emulator.baseUrl());
        }
        if (s.size() == 3 && s.get(2).equals("revoke")) {
          emulator.callStats().oauth("revoke");
          return emulator.tokens().revoke(r);
        }
      }
      if (s.size() == 3 && s.get(0).equals("id")) {
        return withLimitHeader(identity(r, s.get(1), s.get(2)));
      }
      if (s.size() >= 2 && s.get(0).equals("services") && s.get(1).equals("data")) {
        if (s.size() == 2) {
          if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
            throw ControlEndpoint.methodNotAllowed(r.method(), "GET, HEAD");
          }
          return ApiReply.ok(Versions.list());
        }
        return withLimitHeader(api(r, s.subList(3, s.size())));
      }
      return withLimitHeader(ApiReply.error(ApiException.notFound()));
    } catch (ApiException e) {
      return withLimitHeader(ApiReply.error(e));
    }
  }

  private ApiReply withLimitHeader(ApiReply reply) {
    reply.headers().put("Sforce-Limit-Info", emulator.usage().header());
    return reply;
  }

  private ApiReply api(ApiRequest r, List<String> rest) throws ApiException {
    String version = Versions.parse(r.segment(2));
    if (version == null) {
      throw ApiException.notFound();
    }
    FaultState faultState = emulator.faultState();
    Faults faults = faultState.faults();
    long n = faultState.nextRequest();
    if (FaultState.every(n, faults.expireSessionsEvery())) {
      emulator.expireSessions();
    }
    String userId = authenticate(r);
    if (!emulator.usage().tryCount()) {
      throw new ApiException(
          403, ApiError.of("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
    }
    CallContext c = new CallContext(r, version, userId, emulator.baseUrl());
    Route route;
    try {
      route = resolve(r.method(), rest);
    } catch (ApiException e) {
      emulator.callStats().api("notFound");
      throw e;
    }
    emulator.callStats().api(route.operation());
    if (faults.latencyMs() > 0) {
      try {
        Thread.sleep(faults.latencyMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (FaultState.every(n, faults.failEvery())) {
      throw new ApiException(faults.failStatus(), faults.failure());
    }
    return route.handler().run(c);
  }

  /** The identity URL of a token reply: who the caller is (their own identity only). */
  private ApiReply identity(ApiRequest r, String orgId, String userId) throws ApiException {
    String caller = authenticate(r);
    if (!orgId.equals(emulator.orgId()) || !caller.equals(SalesforceId.canonical(userId))) {
      throw ApiException.notFound();
    }
    Map<String, Object> user = emulator.org().store().byId(caller).orElseThrow();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", emulator.baseUrl() + "/id/" + orgId + "/" + caller);
    m.put("asserted_user", true);
    m.put("user_id", caller);
    m.put("organization_id", orgId);
    m.put("username", user.get("Username"));
    m.put("nick_name", user.get("Alias"));
    m.put("display_name", user.get("Name"));
    m.put("email", user.get("Email"));
    m.put("first_name", user.get("FirstName"));
    m.put("last_name", user.get("LastName"));
    m.put("timezone", user.get("TimeZoneSidKey"));
    m.put("active", user.get("IsActive"));
    m.put("user_type", "STANDARD");
    m.put("language", "en_US");
    m.put("locale", "en_US");
    m.put("utcOffset", 0);
    m.put("last_modified_date", WireFormat.out(user.get("LastModifiedDate")));
    Map<String, String> urls = new LinkedHashMap<>();
    String data = emulator.baseUrl() + "/services/data/v{version}/";
    urls.put("rest", data);
    urls.put("sobjects", data + "sobjects/");
    urls.put("query", data + "query/");
    urls.put("recent", data + "recent/");
    urls.put("profile", emulator.baseUrl() + "/" + caller);
    m.put("urls", urls);
    return ApiReply.ok(m);
  }

  private String authenticate(ApiRequest r) throws ApiException {
    String header = r.header("Authorization");
    ApiException invalid =
        new ApiException(401, ApiError.of("INVALID_SESSION_ID", "Session expired or invalid"));
    if (header == null) {
      throw invalid;
    }
    int space = header.indexOf(' ');
    String scheme = space < 0 ? header : header.substring(0, space);
    if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("OAuth")) {
      throw new ApiException(401, ApiError.of("INVALID_AUTH_HEADER", "INVALID_HEADER_TYPE"));
    }
    return emulator
        .sessions()
        .userOf(header.substring(space + 1).trim())
        .orElseThrow(() -> invalid);
  }

  private Route resolve(String method, List<String> rest) throws ApiException {
    int size = rest.size();
    String head = size == 0 ? "" : rest.get(0);
    switch (head) {
      case "" -> {
        return only(method, "GET", new Route("resources", emulator.discovery()::resources));
      }
      case "limits" -> {
        if (size == 1) {
          return only(
              method,
              "GET",
              new Route(
                  "limits",
                  c ->
                      emulator
                          .discovery()
                          .limits(emulator.usage().used(), emulator.usage().max())));
        }
      }
      case "sobjects" -> {
        return sobjects(method, rest);
      }
      case "query", "queryAll" -> {
        if (size == 1) {
          boolean all = head.equals("queryAll");
          return only(method, "GET", new Route(head, c -> emulator.queries().query(c, all)));
        }
        if (size == 2) {
          return only(
              method, "GET", new Route("queryMore", c -> emulator.queries().more(c, rest.get(1))));
        }
      }
      case "composite" -> {
        return composite(method, rest);
      }
      default -> {
        // falls through to 404
      }
    }
    throw ApiException.notFound();
  }

  private Route sobjects(String method, List<String> rest) throws ApiException {
    if (rest.size() == 1) {
      return only(method, "GET", new Route("describeGlobal", emulator.discovery()::global));
    }
    ObjectDef object = emulator.org().schema().def(rest.get(1)).orElseThrow(ApiException::notFound);
    SObjectEndpoint records = emulator.records();
    switch (rest.size()) {
      case 2 -> {
        if (method.equals("POST")) {
          return new Route("create", c -> records.create(c, object));
        }
        return only(
            method,
            "GET, POST",
            new Route("basicInfo", c -> emulator.discovery().basicInfo(c, object)));
      }
      case 3 -> {
        String third = rest.get(2);
        if (third.equals("describe")) {
          return only(
              method, "GET", new Route("describe", c -> emulator.discovery().describe(c, object)));
        }
        if (third.equals("updated")) {
          return only(
              method, "GET", new Route("updated", c -> emulator.replication().updated(c, object)));
        }
        if (third.equals("deleted")) {
          return only(
              method, "GET", new Route("deleted", c -> emulator.replication().deleted(c, object)));
        }
        return switch (method) {
          case "GET", "HEAD" -> new Route("retrieve", c -> records.retrieve(c, object, third));
          case "PATCH" -> new Route("update", c -> records.update(c, object, third));
          case "DELETE" -> new Route("delete", c -> records.delete(c, object, third));
          default -> throw ControlEndpoint.methodNotAllowed(method, "HEAD,GET,PATCH,DELETE");
        };
      }
      case 4 -> {
        String field = rest.get(2);
        String value = rest.get(3);
        return switch (method) {
          case "GET", "HEAD" ->
              new Route("retrieveByExternalId", c -> records.byExternalId(c, object, field, value));
          case "PATCH", "POST" ->
              new Route("upsert", c -> records.byExternalId(c, object, field, value));
          case "DELETE" ->
              new Route("deleteByExternalId", c -> records.byExternalId(c, object, field, value));
          default -> throw ControlEndpoint.methodNotAllowed(method, "HEAD,GET,PATCH,DELETE,POST");
        };
      }
      default -> throw ApiException.notFound();
    }
  }

  private Route composite(String method, List<String> rest) throws ApiException {
    CollectionsEndpoint collections = emulator.collections();
    if (rest.size() == 1) {
      return only(method, "GET", new Route("composite", emulator.discovery()::composite));
    }
    if (!rest.get(1).equals("sobjects")) {
      throw ApiException.notFound();
    }
    if (rest.size() == 2) {
      return switch (method) {
        case "POST" -> new Route("compositeCreate", collections::create);
        case "PATCH" -> new Route("compositeUpdate", collections::update);
        case "DELETE" -> new Route("compositeDelete", collections::delete);
        default -> throw ControlEndpoint.methodNotAllowed(method, "POST,PATCH,DELETE");
      };
    }
    ObjectDef object = emulator.org().schema().def(rest.get(2)).orElseThrow(ApiException::notFound);
    if (rest.size() == 3) {
      if (method.equals("GET") || method.equals("POST")) {
        return new Route("compositeRetrieve", c -> collections.retrieve(c, object));
      }
      throw ControlEndpoint.methodNotAllowed(method, "GET,POST");
    }
    if (rest.size() == 4) {
      return only(
          method,
          "PATCH",
          new Route("compositeUpsert", c -> collections.upsert(c, object, rest.get(3))));
    }
    throw ApiException.notFound();
  }

  private static Route only(String method, String allowed, Route route) throws ApiException {
    for (String m : allowed.split(",\\s*")) {
      if (m.equals(method) || method.equals("HEAD") && m.equals("GET")) {
        return route;
      }
    }
    throw ControlEndpoint.methodNotAllowed(method, allowed);
  }

  private static void write(HttpExchange exchange, ApiReply reply) throws IOException {
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    byte[] bytes = reply.body() == null ? new byte[0] : JSON.writeValueAsBytes(reply.body());
    if (reply.body() != null) {
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    }
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 || head ? -1 : bytes.length);
    if (bytes.length > 0 && !head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
