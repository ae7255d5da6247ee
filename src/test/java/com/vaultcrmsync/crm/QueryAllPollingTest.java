package com.vaultcrmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.emulator.EmulatorOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the change-source seam against the emulator over loopback: {@code queryAll} polling hands
 * over the records changed at or after a position's {@code since()}, Accounts first, each object's
 * in {@code SystemModstamp, Id} order with deleted Tasks, in pages of at most 500, one query per
 * object; a targeted pull reads by Account id. The org's clock moves a millisecond at every read,
 * so every write has a stamp of its own, later than the one before.
 */
class QueryAllPollingTest {
  @TempDir static Path state;
  static LoopbackOrg org;
  CamelCrmGateway crm;
  CrmWriter writer;
  QueryAllPolling source;

  @BeforeAll
  static void startOrg() throws Exception {
    org = LoopbackOrg.start(state, EmulatorOptions.defaults().withClock(new TickingClock()));
  }

  @AfterAll
  static void stopOrg() {
    if (org != null) {
      org.close();
    }
  }

  @BeforeEach
  void freshGateway() {
    crm = org.runtime.crm();
    writer = crm.writer();
    source =
        new QueryAllPolling(
            crm,
            new QueryAllPolling.Watched("Account", List.of("Id", "Name")),
            List.of(
                new QueryAllPolling.Watched("Task", List.of("Id", "Subject", "AccountId")),
                new QueryAllPolling.Watched("Event", List.of("Id", "Subject", "AccountId"))));
  }

  @AfterEach
  void closeGateway() {
    crm.close();
  }

  @Test
  void changesSinceAPositionComeInStampAndIdOrderWithDeletedTasks() {
    String account = createAccount("Polled");
    String old = createTasks(account, "old").get(0);
    List<String> batch = createTasks(account, "x", "y", "z");
    writer.delete(List.of(batch.get(1)));
    writer.update("Account", List.of(Map.of("Id", account, "Site", "changed")));
    Instant since = stampOf("Task", batch.get(0));
    long callsBefore = crm.usage().calls();

    Pages read = new Pages();
    source.changesSince(new ChangePosition(since, Duration.ZERO), read);

    assertThat(crm.usage().calls() - callsBefore).as("one queryAll per object").isEqualTo(3);
    assertThat(read.objects).containsExactly("Account", "Task");
    assertThat(read.ids("Account")).containsExactly(account);
    // x and z share the stamp of their call (Id order); the delete of y came later.
    assertThat(read.ids("Task")).containsExactly(batch.get(0), batch.get(2), batch.get(1));
    assertThat(read.records("Task").get(2)).containsEntry("IsDeleted", true);
    assertThat(read.records("Task"))
        .allSatisfy(
            r -> assertThat(CrmRecords.instant(r, "SystemModstamp")).isAfterOrEqualTo(since))
        .noneMatch(r -> old.equals(r.get("Id")));

    Pages withLookback = new Pages();
    Instant oldStamp = stampOf("Task", old);
    source.changesSince(new ChangePosition(since, Duration.between(oldStamp, since)), withLookback);
    assertThat(withLookback.ids("Task")).first().isEqualTo(old);
  }

  @Test
  void aTargetedPullReadsTheActivitiesOfTheAccountsGiven() {
    String mine = createAccount("Mine");
    String other = createAccount("Other");
    List<String> tasks = createTasks(mine, "a", "b");
    createTasks(other, "c");
    long callsBefore = crm.usage().calls();

    Pages withAccounts = new Pages();
    source.ofAccounts(List.of(mine, mine), true, withAccounts);
    Pages activitiesOnly = new Pages();
    source.ofAccounts(List.of(mine), false, activitiesOnly);

    assertThat(withAccounts.ids("Account")).containsExactly(mine);
    assertThat(withAccounts.ids("Task")).containsExactlyElementsOf(tasks);
    assertThat(activitiesOnly.objects).containsExactly("Task");
    assertThat(crm.usage().calls() - callsBefore).isEqualTo(3 + 2);
  }

  @Test
  void recordsComeInPagesOfAtMost500AndTheNewestAccountChangeIsKnown() {
    String account = createAccount("Busy");
    String[] subjects = new String[501];
    for (int i = 0; i < subjects.length; i++) {
      subjects[i] = "Call " + i;
    }
    createTasks(account, subjects);
    writer.update("Account", List.of(Map.of("Id", account, "Site", "newest")));

    Pages read = new Pages();
    source.ofAccounts(List.of(account), false, read);

    assertThat(read.pageSizes).containsExactly(500, 1);
    assertThat(source.newestAccountChange()).contains(stampOf("Account", account));
  }

  private String createAccount(String name) {
    return SalesforceId.to18(writer.create("Account", List.of(Map.of("Name", name))).get(0).id());
  }

  private List<String> createTasks(String account, String... subjects) {
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (String subject : subjects) {
      tasks.add(Map.of("Subject", subject, "WhatId", account));
    }
    return writer.create("Task", tasks).stream().map(r -> SalesforceId.to18(r.id())).toList();
  }

  private Instant stampOf(String sObject, String id) {
    List<Instant> stamps = new ArrayList<>();
    crm.query(
        "SELECT SystemModstamp FROM " + sObject + " WHERE Id = " + SoqlLiteral.quote(id),
        true,
        r -> stamps.add(CrmRecords.instant(r, "SystemModstamp")));
    return stamps.get(0);
  }

  /** A listener that keeps what it was handed, by object, with the size of every page. */
  private static final class Pages implements ChangeSource.Listener {
    final List<String> objects = new ArrayList<>();
    final List<Integer> pageSizes = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> byObject = new HashMap<>();

    @Override
    public void accounts(List<Map<String, Object>> page) {
      take("Account", page);
    }

    @Override
    public void activities(String sObject, List<Map<String, Object>> page) {
      take(sObject, page);
    }

    private void take(String sObject, List<Map<String, Object>> page) {
      if (!objects.contains(sObject)) {
        objects.add(sObject);
      }
      pageSizes.add(page.size());
      byObject.computeIfAbsent(sObject, k -> new ArrayList<>()).addAll(page);
    }

    List<Map<String, Object>> records(String sObject) {
      return byObject.getOrDefault(sObject, List.of());
    }

    List<String> ids(String sObject) {
      return records(sObject).stream().map(CrmRecords::id).toList();
    }
  }

  /** A clock one millisecond later at every read: no two writes share a stamp by chance. */
  private static final class TickingClock extends Clock {
    private final AtomicLong millis =
        new AtomicLong(Instant.parse("2026-02-02T09:00:00Z").toEpochMilli());

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.incrementAndGet());
    }
  }
}
