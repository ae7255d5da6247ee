package com.vaultcrmsync.emulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The REST API versions the emulator answers on: 31.0 (Summer '14) to 64.0 (Summer '25). */
final class Versions {

  static final int OLDEST = 31;
  static final int NEWEST = 64;

  private Versions() {}

  /** Whether {@code v56.0}-style path segment names a served version; returns it without v. */
  static String parse(String segment) {
    if (segment == null || !segment.matches("v\\d{2}\\.0")) {
      return null;
    }
    int major = Integer.parseInt(segment.substring(1, 3));
    return major >= OLDEST && major <= NEWEST ? segment.substring(1) : null;
  }

  static List<Map<String, String>> list() {
    List<Map<String, String>> out = new ArrayList<>();
    for (int v = OLDEST; v <= NEWEST; v++) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("label", label(v));
      m.put("url", "/services/data/v" + v + ".0");
      m.put("version", v + ".0");
      out.add(m);
    }
    return out;
  }

  /** Release label: 31.0 is Summer '14, then Winter, Spring, Summer each year. */
  static String label(int version) {
    int offset = version - OLDEST;
    String season = new String[] {"Summer", "Winter", "Spring"}[offset % 3];
    return season + " '" + String.format("%02d", 14 + (offset + 2) / 3);
  }
}
