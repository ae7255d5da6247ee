package com.vaultcrmsync.emulator.http;

/**
 * An authenticated data API call.
 *
 * @param version the API version of the path, without the {@code v} ({@code 56.0})
 * @param userId the calling user
 * @param baseUrl the emulator's base URL (login and instance URL)
 */
record CallContext(ApiRequest request, String version, String userId, String baseUrl) {

  String dataPath() {
    return "/services/data/v" + version;
  }
}
