package com.vaultcrmsync.emulator.org;

import java.util.List;

/** A failed API call or record operation: the HTTP status and Salesforce's error list. */
public final class ApiException extends Exception {

  private final int status;
  private final transient List<ApiError> errors;

  public ApiException(int status, List<ApiError> errors) {
    super(
        errors.isEmpty()
            ? "HTTP " + status
            : errors.get(0).errorCode() + ": " + errors.get(0).message(),
        null,
        false,
        false);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public ApiException(int status, ApiError error) {
    this(status, List.of(error));
  }

  /** A 400 with one error. */
  public static ApiException badRequest(String errorCode, String message) {
    return new ApiException(400, ApiError.of(errorCode, message));
  }

  /** A 404 {@code NOT_FOUND} "The requested resource does not exist". */
  public static ApiException notFound() {
    return new ApiException(404, ApiError.of("NOT_FOUND", "The requested resource does not exist"));
  }

  public int status() {
    return status;
  }

  public List<ApiError> errors() {
    return errors;
  }
}
