package com.vaultcrmsync.crm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Test helper: sets the emulator's injected faults through {@code /__emulator/faults}. */
final class EmulatorControl {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  EmulatorControl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  void clearFaults() {
    post(
        "{\"failEvery\":{\"status\":503,\"every\":0},\"expireSessionsEvery\":0,\"latencyMs\":0,"
            + "\"lockRowEvery\":0}");
  }

  void failEvery(int every, int status, String errorCode) {
    String code = errorCode == null ? "" : ",\"errorCode\":\"" + errorCode + "\"";
    post("{\"failEvery\":{\"status\":" + status + ",\"every\":" + every + code + "}}");
  }

  void expireSessionsEvery(int every) {
    post("{\"expireSessionsEvery\":" + every + "}");
  }

  void latency(long millis) {
    post("{\"latencyMs\":" + millis + "}");
  }

  void lockRowEvery(int every) {
    post("{\"lockRowEvery\":" + every + "}");
  }

  private void post(String json) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/__emulator/faults"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "faults refused: " + response.statusCode() + " " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
