package com.vaultcrmsync.emulator.org;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps {@code LastActivityDate} of Accounts (via an activity's {@code AccountId}) and Contacts
 * (via {@code WhoId}) equal to the latest due date of a closed Task or of an Event related to them.
 * A recalculation is a system change: it bumps {@code SystemModstamp} only.
 */
final class ActivityRollup {

  private static final List<String> ACTIVITIES = List.of("Task", "Event");
  private static final Map<String, String> LINKS =
      Map.of("Account", "AccountId", "Contact", "WhoId");

  private ActivityRollup() {}

  static void apply(Transaction tx, Instant now) {
    OrgStore store = tx.store();
    // target id -> whether a full recomputation is needed
    Map<String, Boolean> targets = new LinkedHashMap<>();
    Map<String, LocalDate> newest = new LinkedHashMap<>();
    for (Map<String, Object> after : new ArrayList<>(tx.staged())) {
      String id = (String) after.get("Id");
      String prefix = SalesforceId.prefix(id);
      if (!prefix.equals("00T") && !prefix.equals("00U")) {
        continue;
      }
      Map<String, Object> before = store.byId(id).orElse(null);
      for (Map.Entry<String, String> link : LINKS.entrySet()) {
        String targetPrefix = store.schema().def(link.getKey()).orElseThrow().keyPrefix();
        String oldTarget = target(before, link.getValue(), targetPrefix);
        String newTarget = target(after, link.getValue(), targetPrefix);
        LocalDate oldDate = contribution(before);
        LocalDate newDate = contribution(after);
        if (oldTarget != null
            && oldDate != null
            && (!oldTarget.equals(newTarget) || !Objects.equals(oldDate, newDate))) {
          targets.put(oldTarget, true);
        }
        if (newTarget != null && newDate != null) {
          targets.putIfAbsent(newTarget, false);
          newest.merge(newTarget, newDate, (a, b) -> a.isAfter(b) ? a : b);
        }
      }
    }
    for (Map.Entry<String, Boolean> t : targets.entrySet()) {
      Map<String, Object> target = tx.get(t.getKey());
      if (target == null || Boolean.TRUE.equals(target.get("IsDeleted"))) {
        continue;
      }
      LocalDate current = (LocalDate) target.get("LastActivityDate");
      LocalDate updated;
      if (t.getValue() || current == null && !newest.containsKey(t.getKey())) {
        updated = recompute(tx, t.getKey());
      } else {
        updated = max(current, newest.get(t.getKey()));
      }
      if (!Objects.equals(current, updated)) {
        Map<String, Object> copy = new LinkedHashMap<>(target);
        if (updated == null) {
          copy.remove("LastActivityDate");
        } else {
          copy.put("LastActivityDate", updated);
        }
        copy.put("SystemModstamp", now);
        tx.put(Map.copyOf(copy));
      }
    }
  }

  private static LocalDate recompute(Transaction tx, String targetId) {
    OrgStore store = tx.store();
    ObjectDef targetObject = store.schema().byPrefix(SalesforceId.prefix(targetId)).orElseThrow();
    String linkField = LINKS.get(targetObject.name());
    LocalDate best = null;
    for (String activity : ACTIVITIES) {
      ObjectDef object = store.schema().def(activity).orElseThrow();
      Set<String> seen = new HashSet<>();
      Set<Map<String, Object>> candidates = new LinkedHashSet<>();
      candidates.addAll(tx.findBy(object, object.field(linkField), targetId));
      for (Map<String, Object> r : candidates) {
        if (seen.add((String) r.get("Id"))) {
          best = max(best, contribution(r));
        }
      }
    }
    return best;
  }

  private static String target(Map<String, Object> activity, String field, String prefix) {
    if (activity == null) {
      return null;
    }
    Object value = activity.get(field);
    return value instanceof String id && id.startsWith(prefix) ? id : null;
  }

  /** The date an activity contributes: a closed Task's or an Event's due date, if not deleted. */
  static LocalDate contribution(Map<String, Object> activity) {
    if (activity == null || Boolean.TRUE.equals(activity.get("IsDeleted"))) {
      return null;
    }
    boolean task = ((String) activity.get("Id")).startsWith("00T");
    if (task && !Boolean.TRUE.equals(activity.get("IsClosed"))) {
      return null;
    }
    return (LocalDate) activity.get("ActivityDate");
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
