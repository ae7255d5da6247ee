package com.vaultcrmsync.crm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/** SOQL literals built from untrusted text: nothing in a value can change the query around it. */
public final class SoqlLiteral {
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private SoqlLiteral() {}

  /** A quoted string literal with backslash, quotes and control characters escaped. */
  public static String quote(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }

  /** {@code ('a', 'b')} for an IN clause. */
  public static String list(Collection<String> values) {
    return values.stream().map(SoqlLiteral::quote).collect(Collectors.joining(", ", "(", ")"));
  }

  /**
   * A datetime literal in UTC with milliseconds (SystemModstamp's precision): whole seconds would
   * make a watermark re-read everything written earlier in the same second.
   */
  public static String datetime(Instant instant) {
    return DATETIME.format(instant);
  }
}
