package com.vaultcrmsync.sync.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 fingerprints of contents and of field maps, as lower-case hex. */
public final class Fingerprint {
  private Fingerprint() {}

  public static String of(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  public static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A fingerprint of field values that does not depend on key order, and treats a missing key, null
   * and a blank string alike (Salesforce stores blank text as null).
   */
  public static String ofFields(Map<String, ?> fields) {
    StringBuilder canonical = new StringBuilder();
    new TreeMap<>(fields)
        .forEach(
            (k, v) -> {
              String value = v == null ? "" : String.valueOf(v).strip();
              if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                value = Long.toString(n.longValue());
              }
              if (!value.isEmpty()) {
                canonical.append(k).append('=').append(value.replace("\r\n", "\n")).append('\0');
              }
            });
    return of(canonical.toString());
  }
}
