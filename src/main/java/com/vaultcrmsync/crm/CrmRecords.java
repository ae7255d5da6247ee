package com.vaultcrmsync.crm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reading values out of CRM record maps as the REST API returns them. */
public final class CrmRecords {
  private static final DateTimeFormatter SF_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

  private CrmRecords() {}

  public static String text(Map<String, Object> record, String field) {
    Object v = record.get(field);
    return v == null ? null : v.toString();
  }

  public static String id(Map<String, Object> record) {
    return SalesforceId.to18(text(record, "Id"));
  }

  public static boolean deleted(Map<String, Object> record) {
    return Boolean.TRUE.equals(record.get("IsDeleted"))
        || "true".equalsIgnoreCase(text(record, "IsDeleted"));
  }

  /** A datetime such as {@code 2013-05-07T22:07:19.000+0000}, or null. */
  public static Instant instant(Map<String, Object> record, String field) {
    String v = text(record, field);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v, SF_DATETIME).toInstant();
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(v).toInstant();
    }
  }

  /** A date field, or the UTC date of a datetime field, or null. */
  public static LocalDate date(Map<String, Object> record, String field) {
    String v = text(record, field);
    if (v == null || v.length() < 10) {
      return null;
    }
    return LocalDate.parse(v.substring(0, 10));
  }

  /** {@code Owner.Name} and the like: a field of a parent relationship, or null. */
  public static String parentText(Map<String, Object> record, String relationship, String field) {
    return record.get(relationship) instanceof Map<?, ?> parent && parent.get(field) != null
        ? parent.get(field).toString()
        : null;
  }
}
