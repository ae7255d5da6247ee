package com.vaultcrmsync.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test helper: run reports read from JSON fixtures under {@code src/test/resources/report}. */
public final class ReportFixtures {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ReportFixtures() {}

  /** A report whose note titles, paths, keys and reasons carry HTML, quotes and ampersands. */
  public static RunReport hostile() {
    return load("hostile.json");
  }

  static RunReport load(String name) {
    try (InputStream in = ReportFixtures.class.getResourceAsStream("/report/" + name)) {
      return JSON.readValue(in, RunReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
