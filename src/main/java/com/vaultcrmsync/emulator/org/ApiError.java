package com.vaultcrmsync.emulator.org;

import java.util.List;

/**
 * One Salesforce error: {@code {"message","errorCode","fields"}} in REST bodies, {@code statusCode}
 * instead of {@code errorCode} inside sObject Collections results.
 *
 * @param fields null when Salesforce leaves the key out
 */
public record ApiError(String errorCode, String message, List<String> fields) {

  public static ApiError of(String errorCode, String message) {
    return new ApiError(errorCode, message, null);
  }

  public static ApiError of(String errorCode, String message, List<String> fields) {
    return new ApiError(errorCode, message, fields);
  }
}
