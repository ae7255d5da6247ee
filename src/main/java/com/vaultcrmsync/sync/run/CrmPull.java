package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.crm.ChangePosition;
import com.vaultcrmsync.crm.ChangeSource;
import com.vaultcrmsync.crm.CrmGateway;
import com.vaultcrmsync.crm.CrmRecords;
import com.vaultcrmsync.crm.QueryAllPolling;
import com.vaultcrmsync.mapping.FieldRule;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.sync.plan.EchoFilter;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pulls CRM changes from a {@link ChangeSource} into a {@link Result}: everything changed since a
 * position, or every activity of given Accounts regardless of it. As each page of records arrives
 * the run's {@link EchoFilter} decides which can change something; the rest is counted and dropped.
 */
public final class CrmPull {
  private final ChangeSource source;

  /** Pulls by {@code queryAll} polling through {@code crm}, selecting what the mappings need. */
  CrmPull(CrmGateway crm, Mappings mappings) {
    this.source = polling(crm, mappings);
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

  /** Every Account, Task and Event changed at or after the position's {@code since()}. */
  void since(ChangePosition position, Result into) {
    // Bounded: what is left past the bound is read again from its stamp by the next run.
    source.changesSince(position, new Deciding(into, into.keepAtMost > 0));
  }

  /** Every activity of the given Accounts (and, when asked, the Accounts themselves). */
  void forAccounts(Collection<String> accountIds, boolean withAccounts, Result into) {
    source.ofAccounts(accountIds, withAccounts, new Deciding(into, false));
  }

  /** The newest Account stamp: where the first watermark starts when nothing else was read. */
  Instant newestAccountStamp() {
    return source.newestAccountChange().orElse(null);
  }

  /**
   * Decides the records of a pull as they arrive, a page at a time, the filter first reading the
   * page's state rows in one query instead of one per record: the sync side of the change source's
   * listener, where echoes of the sync's own writes are dropped.
   */
  private static final class Deciding implements ChangeSource.Listener {
    private final Result into;

    /** Whether CRM-owned activities past the result's bound are left for the next run. */
    private final boolean bounded;

    Deciding(Result into, boolean bounded) {
      this.into = into;
      this.bounded = bounded;
    }

    @Override
    public void accounts(List<Map<String, Object>> page) {
      if (into.filter != null) {
        into.filter.prefetchAccounts(page);
      }
      page.forEach(this::account);
    }

    @Override
    public void activities(String sObject, List<Map<String, Object>> page) {
      if (into.filter != null) {
        into.filter.prefetchActivities(sObject, page);
      }
      page.forEach(r -> activity(sObject, r));
    }

    private void account(Map<String, Object> r) {
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

    private void activity(String sObject, Map<String, Object> r) {
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
      // Only activities the CRM owns wait: a vault-owned one must be seen in the run that may
      // push an edit of its entry, or a CRM edit would be overwritten unseen.
      if (bounded
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
  }

  /** The {@code queryAll} source over the Account, Task (mapped) and Event objects. */
  private static ChangeSource polling(CrmGateway crm, Mappings mappings) {
    Set<String> account = new LinkedHashSet<>(List.of("Id", "Name", "IsDeleted", "SystemModstamp"));
    mappings.account().fields().stream().map(FieldRule::field).forEach(account::add);
    Set<String> task = new LinkedHashSet<>(activityBase());
    task.add(mappings.activity().externalIdField());
    mappings.activity().fields().stream().map(FieldRule::field).forEach(task::add);
    Set<String> event = new LinkedHashSet<>(activityBase());
    event.add("StartDateTime");
    return new QueryAllPolling(
        crm,
        new QueryAllPolling.Watched(mappings.account().sObject(), List.copyOf(account)),
        List.of(
            new QueryAllPolling.Watched(mappings.activity().sObject(), List.copyOf(task)),
            new QueryAllPolling.Watched("Event", List.copyOf(event))));
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
