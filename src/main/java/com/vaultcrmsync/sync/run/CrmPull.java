package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.crm.CrmGateway;
import com.vaultcrmsync.crm.CrmRecords;
import com.vaultcrmsync.crm.SoqlLiteral;
import com.vaultcrmsync.mapping.FieldRule;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.sync.plan.EchoFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads CRM changes with {@code queryAll} (so deleted and archived activities are seen), ordered by
 * {@code SystemModstamp, Id}: either everything changed since the watermark minus the lookback (one
 * query per object, paged by the gateway), or every activity of given Accounts regardless of the
 * watermark.
 */
public final class CrmPull {
  /**
   * Account ids per scoped query: about 5,000 characters once URL-encoded, well below the request
   * line limits of Salesforce (16,384) and of common HTTP servers (8,192).
   */
  private static final int IDS_PER_QUERY = 100;

  /** Pulled records decided together, their state rows read in one query. */
  private static final int STATE_PAGE = 500;

  private final CrmGateway crm;
  private final Mappings mappings;

  CrmPull(CrmGateway crm, Mappings mappings) {
    this.crm = crm;
    this.mappings = mappings;
  }

  /**
   * An activity record with the sObject it came from.
   *
   * @param notePath the note it is planned with, when an {@link EchoFilter} kept it; else null
   */
  public record Activity(String sObject, Map<String, Object> record, String notePath) {
    public Activity(String sObject, Map<String, Object> record) {
      this(sObject, record, null);
    }
  }

  /**
   * What a pull read and kept; {@code newestStamp} (of everything read, kept or not) is null when
   * it read nothing. With an {@link EchoFilter}, records that change nothing are counted and
   * dropped as they arrive, never held.
   */
  public static final class Result {
    public final Map<String, Map<String, Object>> accounts = new LinkedHashMap<>();
    public final Map<String, Activity> activities = new LinkedHashMap<>();
    Instant newestStamp;
    private final EchoFilter filter;
    private final int keepAtMost;
    private boolean bounded;

    /** Records read and dropped by the filter. */
    long echoes;

    /** CRM-owned activity changes since the watermark left for the next run (the bound). */
    long deferred;

    /** The stamp of the first change left for the next run (its watermark), or null. */
    Instant resumeAt;

    /** Keeps every record read. */
    public Result() {
      this(null, 0);
    }

    /**
     * Keeps only what {@code filter} says can change something, and of the CRM-owned activities
     * changed since the watermark (colleagues' activities, which become entries), no more once
     * {@code keepAtMost} activities are held (0: no bound).
     */
    public Result(EchoFilter filter, int keepAtMost) {
      this.filter = filter;
      this.keepAtMost = keepAtMost;
    }

    /** What was kept, dropped and left, for the log. */
    String summary() {
      return accounts.size()
          + " accounts and "
          + activities.size()
          + " activities kept, "
          + echoes
          + " echoes of the sync's own writes dropped"
          + (deferred == 0
              ? ""
              : ", "
                  + deferred
                  + " changes left for the next run from "
                  + resumeAt
                  + " (sync.pull.max-changes)");
    }

    /** The kept activities to plan with the notes at {@code notePaths}. */
    List<Activity> activitiesOf(Set<String> notePaths) {
      return activities.values().stream().filter(a -> notePaths.contains(a.notePath())).toList();
    }

    /** The notes that kept activities are planned with, outside {@code notePaths}. */
    Set<String> notesBesides(Set<String> notePaths) {
      Set<String> out = new LinkedHashSet<>();
      for (Activity a : activities.values()) {
        if (a.notePath() != null && !notePaths.contains(a.notePath())) {
          out.add(a.notePath());
        }
      }
      return out;
    }

    void stamp(Map<String, Object> record) {
      Instant s = CrmRecords.instant(record, "SystemModstamp");
      if (s != null && (newestStamp == null || s.isAfter(newestStamp))) {
        newestStamp = s;
      }
    }
  }

  /** Every Account, Task and Event changed at or after {@code since}: three queries. */
  void since(Instant since, Result into) {
    String where = " WHERE SystemModstamp >= " + SoqlLiteral.datetime(since);
    String order = " ORDER BY SystemModstamp, Id";
    accounts(accountSelect() + where + order, into);
    // Bounded: what is left past the bound is read again from its stamp by the next run.
    into.bounded = into.keepAtMost > 0;
    try {
      activities(taskObject(), taskSelect() + where + order, into);
      activities("Event", eventSelect() + where + order, into);
    } finally {
      into.bounded = false;
    }
  }

  /** Every activity of the given Accounts (and, when asked, the Accounts themselves). */
  void forAccounts(Collection<String> accountIds, boolean withAccounts, Result into) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(accountIds));
    for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
      String in = SoqlLiteral.list(ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY)));
      String order = " ORDER BY SystemModstamp, Id";
      if (withAccounts) {
        accounts(accountSelect() + " WHERE Id IN " + in + order, into);
      }
      activities(taskObject(), taskSelect() + " WHERE AccountId IN " + in + order, into);
      activities("Event", eventSelect() + " WHERE AccountId IN " + in + order, into);
    }
  }

  /** The newest Account stamp: where the first watermark starts when nothing else was read. */
  Instant newestAccountStamp() {
    Result r = new Result();
    crm.query(
        "SELECT Id, SystemModstamp FROM "
            + mappings.account().sObject()
            + " ORDER BY SystemModstamp DESC LIMIT 1",
        true,
        r::stamp);
    return r.newestStamp;
  }

  private void accounts(String soql, Result into) {
    paged(soql, into, EchoFilter::prefetchAccounts, r -> account(r, into));
  }

  private void activities(String sObject, String soql, Result into) {
    paged(
        soql,
        into,
        (filter, page) -> filter.prefetchActivities(sObject, page),
        r -> activity(sObject, r, into));
  }

  /**
   * Runs a query and decides its records a page at a time, the filter first reading the page's
   * state rows in one query instead of one per record.
   */
  private void paged(
      String soql,
      Result into,
      BiConsumer<EchoFilter, List<Map<String, Object>>> prefetch,
      Consumer<Map<String, Object>> decide) {
    List<Map<String, Object>> page = new ArrayList<>(STATE_PAGE);
    Runnable flush =
        () -> {
          if (into.filter != null && !page.isEmpty()) {
            prefetch.accept(into.filter, page);
          }
          page.forEach(decide);
          page.clear();
        };
    crm.query(
        soql,
        true,
        r -> {
          page.add(r);
          if (page.size() == STATE_PAGE) {
            flush.run();
          }
        });
    flush.run();
  }

  private void account(Map<String, Object> r, Result into) {
    into.stamp(r);
    String id = CrmRecords.id(r);
    if (into.filter != null && into.filter.accountEcho(r)) {
      // A later version of a record replaces an earlier one, also when it is the echo.
      into.accounts.remove(id);
      into.echoes++;
      return;
    }
    into.accounts.put(id, r);
  }

  private void activity(String sObject, Map<String, Object> r, Result into) {
    into.stamp(r);
    String id = CrmRecords.id(r);
    if (into.filter == null) {
      into.activities.put(id, new Activity(sObject, r));
      return;
    }
    EchoFilter.Kept kept = into.filter.keep(sObject, r);
    if (kept == null) {
      into.activities.remove(id);
      into.echoes++;
      return;
    }
    // Only activities the CRM owns wait: a vault-owned one must be seen in the run that may push
    // an edit of its entry, or a CRM edit would be overwritten unseen.
    if (into.bounded
        && !kept.vaultOwned()
        && (into.resumeAt != null || into.activities.size() >= into.keepAtMost)
        && !into.activities.containsKey(id)) {
      Instant stamp = CrmRecords.instant(r, "SystemModstamp");
      if (into.resumeAt == null || stamp != null && stamp.isBefore(into.resumeAt)) {
        into.resumeAt = stamp;
      }
      into.deferred++;
      return;
    }
    into.activities.put(id, new Activity(sObject, r, kept.notePath()));
  }

  private String taskObject() {
    return mappings.activity().sObject();
  }

  private String accountSelect() {
    Set<String> fields = new LinkedHashSet<>(List.of("Id", "Name", "IsDeleted", "SystemModstamp"));
    mappings.account().fields().stream().map(FieldRule::field).forEach(fields::add);
    return "SELECT " + String.join(", ", fields) + " FROM " + mappings.account().sObject();
  }

  private String taskSelect() {
    Set<String> fields = new LinkedHashSet<>(activityBase());
    fields.add(mappings.activity().externalIdField());
    mappings.activity().fields().stream().map(FieldRule::field).forEach(fields::add);
    return "SELECT " + String.join(", ", fields) + " FROM " + taskObject();
  }

  private String eventSelect() {
    Set<String> fields = new LinkedHashSet<>(activityBase());
    fields.add("StartDateTime");
    return "SELECT " + String.join(", ", fields) + " FROM Event";
  }

  private static List<String> activityBase() {
    return List.of(
        "Id",
        "Subject",
        "Description",
        "ActivityDate",
        "WhatId",
        "AccountId",
        "IsDeleted",
        "SystemModstamp",
        "CreatedDate",
        "Owner.Name",
        "CreatedBy.Name");
  }
}
