package com.vaultcrmsync.emulator.org;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Salesforce's JSON value formats: datetimes {@code 2025-01-01T00:00:00.000+0000}, dates. */
public final class WireFormat {

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
  // Offsets +HH:MM and Z take any precision; +HHMM only with a fraction (Salesforce rejects
  // "2013-08-12T15:20:00+0000").
  private static final Pattern INPUT_DATETIME =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2}(?::\\d{2})?)(\\.\\d{1,9})?"
              + "(Z|[+-]\\d{2}:\\d{2}|[+-]\\d{4})?");

  private WireFormat() {}

  /** A stored value as it goes out in JSON: datetimes and dates as Salesforce writes them. */
  public static Object out(Object value) {
    if (value instanceof Instant i) {
      return datetime(i);
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    return value;
  }

  public static String datetime(Instant instant) {
    return DATETIME.format(instant);
  }

  /** Parses a datetime as clients send it, or returns null when Salesforce would refuse it. */
  public static Instant parseDatetime(String text) {
    Matcher m = INPUT_DATETIME.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String fraction = m.group(3) == null ? "" : m.group(3);
    String offset = m.group(4);
    if (offset != null && offset.length() == 5 && fraction.isEmpty()) {
      return null;
    }
    String time = m.group(2).length() == 5 ? m.group(2) + ":00" : m.group(2);
    try {
      LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + time + fraction);
      ZoneOffset zone = ZoneOffset.UTC;
      if (offset != null && !offset.equals("Z")) {
        String normal =
            offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
        zone = ZoneOffset.of(normal);
      }
      return local.toInstant(zone);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Parses a {@code yyyy-MM-dd} date, or returns null. */
  public static LocalDate parseDate(String text) {
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
