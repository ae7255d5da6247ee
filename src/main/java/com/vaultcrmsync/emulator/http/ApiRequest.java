package com.vaultcrmsync.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the emulator sees it: the method (after {@code _HttpMethod} override), the
 * decoded path segments without empty ones (so trailing and doubled slashes do not matter), query
 * and form parameters ({@code +} and {@code %20} both mean a space), headers by lower-cased name.
 */
record ApiRequest(
    String method,
    List<String> segments,
    Map<String, String> query,
    Map<String, String> headers,
    String body) {

  static ApiRequest of(
      String method, String rawPath, String rawQuery, Map<String, String> headers, String body) {
    List<String> segments = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        segments.add(decode(s));
      }
    }
    Map<String, String> query = params(rawQuery);
    String effective = method.toUpperCase(Locale.ROOT);
    String override = query.get("_HttpMethod");
    if (effective.equals("POST") && override != null) {
      effective = override.toUpperCase(Locale.ROOT);
    }
    return new ApiRequest(effective, List.copyOf(segments), query, headers, body);
  }

  /** Parses {@code a=1&b=2} (query string or form body); the first value of a name wins. */
  static Map<String, String> params(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(name, value);
    }
    return out;
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** Segment {@code i}, or null past the end. */
  String segment(int i) {
    return i < segments.size() ? segments.get(i) : null;
  }

  /** Form parameters of a urlencoded body merged over the query parameters. */
  Map<String, String> formAndQuery() {
    Map<String, String> all = new LinkedHashMap<>(query);
    all.putAll(params(body));
    return all;
  }
}
