package com.vaultcrmsync.emulator.http;

import com.vaultcrmsync.emulator.org.ApiError;
import com.vaultcrmsync.emulator.org.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response: status, JSON body (null for none) and extra headers.
 *
 * @param body a value Jackson writes (maps, lists, strings, numbers), or null for an empty body
 */
record ApiReply(int status, Object body, Map<String, String> headers) {

  static ApiReply json(int status, Object body) {
    return new ApiReply(status, body, new LinkedHashMap<>());
  }

  static ApiReply ok(Object body) {
    return json(200, body);
  }

  static ApiReply noContent() {
    return json(204, null);
  }

  /** Salesforce's REST error body: an array of {message, errorCode[, fields]}. */
  static ApiReply error(int status, List<ApiError> errors) {
    return json(status, errors.stream().map(ApiReply::errorBody).toList());
  }

  static ApiReply error(ApiException e) {
    return error(e.status(), e.errors());
  }

  static Map<String, Object> errorBody(ApiError e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", e.message());
    m.put("errorCode", e.errorCode());
    if (e.fields() != null) {
      m.put("fields", e.fields());
    }
    return m;
  }

  /** The error as sObject Collections write it: {statusCode, message, fields}. */
  static Map<String, Object> collectionError(ApiError e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statusCode", e.errorCode());
    m.put("message", e.message());
    m.put("fields", e.fields() == null ? List.of() : e.fields());
    return m;
  }

  /** The OAuth error shape {"error","error_description"} with status 400. */
  static ApiReply oauthError(String error, String description) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", error);
    m.put("error_description", description);
    ApiReply reply = json(400, m);
    reply.headers().put("Cache-Control", "no-store");
    return reply;
  }
}
