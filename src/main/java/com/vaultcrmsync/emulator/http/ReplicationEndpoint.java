package com.vaultcrmsync.emulator.http;

import com.vaultcrmsync.emulator.org.ApiException;
import com.vaultcrmsync.emulator.org.ObjectDef;
import com.vaultcrmsync.emulator.org.Org;
import com.vaultcrmsync.emulator.org.WireFormat;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sobjects/{T}/updated} and {@code sobjects/{T}/deleted} ({@code ?start=&end=}, ISO-8601
 * with offset): ids changed, or deleted, in the window by {@code SystemModstamp}. Seconds are
 * ignored, as Salesforce does; {@code latestDateCovered} is the window's end.
 */
public final class ReplicationEndpoint {

  private final Org org;

  public ReplicationEndpoint(Org org) {
    this.org = org;
  }

  ApiReply updated(CallContext c, ObjectDef object) throws ApiException {
    Instant[] window = window(c);
    List<String> ids = new ArrayList<>();
    org.store()
        .scan(object.name())
        .filter(r -> !Boolean.TRUE.equals(r.get("IsDeleted")) && in(r, window))
        .forEach(r -> ids.add((String) r.get("Id")));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ids", ids);
    m.put("latestDateCovered", WireFormat.datetime(window[1]));
    return ApiReply.ok(m);
  }

  ApiReply deleted(CallContext c, ObjectDef object) throws ApiException {
    Instant[] window = window(c);
    List<Map<String, Object>> deleted = new ArrayList<>();
    Instant earliest = window[0];
    for (Map<String, Object> r :
        org.store()
            .scan(object.name())
            .filter(r -> Boolean.TRUE.equals(r.get("IsDeleted")))
            .toList()) {
      Instant when = (Instant) r.get("SystemModstamp");
      if (when.isBefore(earliest)) {
        earliest = when;
      }
      if (in(r, window)) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", r.get("Id"));
        d.put("deletedDate", WireFormat.datetime(when));
        deleted.add(d);
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("deletedRecords", deleted);
    m.put("earliestDateAvailable", WireFormat.datetime(earliest.truncatedTo(ChronoUnit.MINUTES)));
    m.put("latestDateCovered", WireFormat.datetime(window[1]));
    return ApiReply.ok(m);
  }

  private static boolean in(Map<String, Object> r, Instant[] window) {
    Instant stamp = (Instant) r.get("SystemModstamp");
    return !stamp.isBefore(window[0]) && stamp.isBefore(window[1]);
  }

  private static Instant[] window(CallContext c) throws ApiException {
    String start = c.request().query().get("start");
    String end = c.request().query().get("end");
    if (start == null || end == null) {
      throw ApiException.badRequest("MISSING_ARGUMENT", "start and end parameters are required");
    }
    Instant from = WireFormat.parseDatetime(start.trim());
    Instant to = WireFormat.parseDatetime(end.trim());
    if (from == null || to == null) {
      throw ApiException.badRequest(
          "INVALID_REPLICATION_DATE", "Invalid date format: " + (from == null ? start : end));
    }
    from = from.truncatedTo(ChronoUnit.MINUTES);
    to = to.truncatedTo(ChronoUnit.MINUTES);
    if (!to.isAfter(from)) {
      throw ApiException.badRequest(
          "INVALID_REPLICATION_DATE", "EndDate must chronologically follow the StartDate");
    }
    return new Instant[] {from, to};
  }
}
