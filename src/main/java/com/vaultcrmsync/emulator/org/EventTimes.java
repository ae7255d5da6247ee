package com.vaultcrmsync.emulator.org;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps an Event's times consistent as Salesforce does: {@code ActivityDateTime} equals {@code
 * StartDateTime}; {@code EndDateTime} and {@code DurationInMinutes} follow each other; {@code
 * ActivityDate} and {@code EndDate} are the UTC dates; an all-day event lasts whole days.
 */
final class EventTimes {

  private static final int DAY_MINUTES = 24 * 60;

  private EventTimes() {}

  static void derive(
      ObjectDef object, Map<String, Object> r, Map<String, Object> before, Set<FieldDef> changed)
      throws ApiException {
    boolean allDay = Boolean.TRUE.equals(r.get("IsAllDayEvent"));
    boolean startGiven = changed.contains(object.field("StartDateTime"));
    boolean activityGiven = changed.contains(object.field("ActivityDateTime"));
    if (activityGiven && !startGiven) {
      copy(r, "ActivityDateTime", "StartDateTime");
    } else {
      copy(r, "StartDateTime", "ActivityDateTime");
    }
    if (allDay) {
      LocalDate day = (LocalDate) r.get("ActivityDate");
      if (day == null && r.get("StartDateTime") instanceof Instant start) {
        day = start.atZone(ZoneOffset.UTC).toLocalDate();
      }
      if (day == null) {
        throw missing(object, "ActivityDate");
      }
      int minutes =
          r.get("DurationInMinutes") instanceof Integer d && d >= DAY_MINUTES ? d : DAY_MINUTES;
      minutes = (minutes + DAY_MINUTES - 1) / DAY_MINUTES * DAY_MINUTES;
      Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
      r.put("ActivityDate", day);
      r.put("StartDateTime", start);
      r.put("ActivityDateTime", start);
      r.put("DurationInMinutes", minutes);
      r.put("EndDateTime", start.plus(Duration.ofMinutes(minutes)));
      r.put("EndDate", day.plusDays(minutes / DAY_MINUTES - 1));
      return;
    }
    if (!(r.get("StartDateTime") instanceof Instant start)) {
      throw missing(object, "ActivityDateTime");
    }
    boolean endGiven = changed.contains(object.field("EndDateTime"));
    boolean durationGiven = changed.contains(object.field("DurationInMinutes"));
    Instant end = (Instant) r.get("EndDateTime");
    Integer duration = (Integer) r.get("DurationInMinutes");
    if (end != null && (endGiven && !durationGiven || duration == null)) {
      duration = (int) Duration.between(start, end).toMinutes();
    } else if (duration != null) {
      end = start.plus(Duration.ofMinutes(duration));
    } else {
      throw missing(object, "DurationInMinutes");
    }
    if (duration < 0) {
      throw new ApiException(
          400,
          ApiError.of(
              "FIELD_INTEGRITY_EXCEPTION",
              "End Date Time: End time must be after start time",
              List.of("EndDateTime")));
    }
    r.put("DurationInMinutes", duration);
    r.put("EndDateTime", end);
    r.put("ActivityDate", start.atZone(ZoneOffset.UTC).toLocalDate());
    r.put("EndDate", end.atZone(ZoneOffset.UTC).toLocalDate());
  }

  private static void copy(Map<String, Object> r, String from, String to) {
    Object value = r.get(from);
    if (value == null) {
      r.remove(to);
    } else {
      r.put(to, value);
    }
  }

  private static ApiException missing(ObjectDef object, String field) {
    return new ApiException(
        400,
        ApiError.of(
            "REQUIRED_FIELD_MISSING",
            "Required fields are missing: [" + field + "]",
            List.of(field)));
  }
}
