package com.vaultcrmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.vaultcrmsync.app.CrmRuntime;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the gateway against the emulator over loopback, through the real routes and the real Camel
 * Salesforce component: paging, queryAll, chunked collections, per-record results, retries,
 * re-login, the limit stop and API accounting.
 */
class CamelCrmGatewayTest {
  static final String PASSWORD = "gateway-test-password";
  @TempDir static Path state;
  static LoopbackOrg org;
  static Emulator emulator;
  static EmulatorControl control;
  static CrmRuntime runtime;
  CamelCrmGateway crm;
  String tag;

  @BeforeAll
  static void startOrgAndRuntime() throws Exception {
    org = LoopbackOrg.start(state, EmulatorOptions.defaults().withPassword(PASSWORD));
    emulator = org.emulator;
    control = org.control;
    runtime = org.runtime;
  }

  @AfterAll
  static void stopAll() {
    if (org != null) {
      org.close();
    }
  }

  @BeforeEach
  void freshGateway() {
    control.clearFaults();
    crm = runtime.crm();
    tag = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void closeGateway() {
    control.clearFaults();
    crm.close();
  }

  private List<Map<String, Object>> accounts(int n) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> account = new LinkedHashMap<>();
      account.put("Name", "Account " + tag + " " + i);
      account.put("Site", tag);
      records.add(account);
    }
    return records;
  }

  private List<Map<String, Object>> select(String soql, boolean all) {
    List<Map<String, Object>> out = new ArrayList<>();
    crm.query(soql, all, out::add);
    return out;
  }

  @Test
  void createsInChunksOf200AndReadsEveryPageOfAQuery() {
    List<SaveResult> created = crm.writer().create("Account", accounts(2101));

    assertThat(created).hasSize(2101).allMatch(SaveResult::success);
    assertThat(created).extracting(SaveResult::id).doesNotContainNull().doesNotHaveDuplicates();
    List<Map<String, Object>> rows =
        select("SELECT Id, Name FROM Account WHERE Site = '" + tag + "' ORDER BY Name", false);
    assertThat(rows).hasSize(2101);
    assertThat(rows.get(0)).containsOnlyKeys("Id", "Name");
    assertThat(crm.usage().byOperation())
        .containsEntry("compositeCreateSObjectCollections", 11)
        .containsEntry("query", 1)
        .containsEntry("queryMore", 1);
    assertThat(crm.usage().calls()).isEqualTo(13);
  }

  @Test
  void aQueryPageLargerThanFourMebibytesIsRead() {
    String description = "x".repeat(3000);
    List<Map<String, Object>> records = accounts(1600);
    records.forEach(r -> r.put("Description", description));
    crm.writer().create("Account", records);

    List<Map<String, Object>> rows =
        select("SELECT Id, Description FROM Account WHERE Site = '" + tag + "'", false);

    // 1600 records of 3000 characters: one page of about 5 MB, over the component's 4 MiB default.
    assertThat(rows).hasSize(1600).allMatch(r -> description.equals(r.get("Description")));
    assertThat(crm.usage().byOperation()).containsEntry("query", 1).doesNotContainKey("queryMore");
  }

  @Test
  void queryAllSeesDeletedRecordsThatQueryHides() {
    List<SaveResult> created = crm.writer().create("Account", accounts(2));
    List<SaveResult> deleted = crm.writer().delete(List.of(created.get(0).id()));

    assertThat(deleted).singleElement().satisfies(r -> assertThat(r.success()).isTrue());
    String soql = "SELECT Id, IsDeleted FROM Account WHERE Site = '" + tag + "'";
    assertThat(select(soql, false))
        .extracting(r -> r.get("Id"))
        .containsExactly(created.get(1).id());
    assertThat(select(soql, true))
        .extracting(r -> r.get("Id"), r -> r.get("IsDeleted"))
        .containsExactlyInAnyOrder(
            tuple(created.get(0).id(), true), tuple(created.get(1).id(), false));
    assertThat(crm.usage().byOperation()).containsEntry("queryAll", 1);
  }

  @Test
  void upsertCreatesThenUpdatesByExternalIdInChunksOf200() {
    String account = crm.writer().create("Account", accounts(1)).get(0).id();
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("Vault_Key__c", tag + "-" + i);
      task.put("Subject", "Call " + i);
      task.put("Status", "Completed");
      task.put("ActivityDate", "2026-01-15");
      task.put("WhatId", account);
      tasks.add(task);
    }

    List<SaveResult> first = crm.writer().upsert("Task", "Vault_Key__c", tasks);
    tasks.forEach(t -> t.put("Subject", t.get("Subject") + " (edited)"));
    List<SaveResult> second = crm.writer().upsert("Task", "Vault_Key__c", tasks);

    assertThat(first).hasSize(450).allMatch(r -> r.success() && r.created());
    assertThat(second).hasSize(450).allMatch(r -> r.success() && !r.created());
    assertThat(second)
        .extracting(SaveResult::id)
        .containsExactlyElementsOf(first.stream().map(SaveResult::id).toList());
    assertThat(crm.usage().byOperation()).containsEntry("compositeUpsertSObjectCollections", 6);
  }

  @Test
  void aRecordLevelFailureIsReportedInItsPlaceAndTheRestIsWritten() {
    List<Map<String, Object>> records = accounts(3);
    records.get(1).remove("Name");

    List<SaveResult> results = crm.writer().create("Account", records);

    assertThat(results).extracting(SaveResult::success).containsExactly(true, false, true);
    assertThat(results.get(1).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.code()).isEqualTo("REQUIRED_FIELD_MISSING"));
    assertThat(select("SELECT Id FROM Account WHERE Site = '" + tag + "'", false)).hasSize(2);
  }

  @Test
  void theCallsCountedAreTheCallsTheOrgSaw() {
    long before = emulator.stats().total();

    List<SaveResult> created = crm.writer().create("Account", accounts(250));
    crm.writer()
        .update(
            "Account",
            created.stream()
                .map(r -> Map.<String, Object>of("Id", r.id(), "Site", tag + "-updated"))
                .toList());
    select("SELECT Id FROM Account WHERE Site = '" + tag + "-updated'", true);

    assertThat(crm.usage().calls()).isEqualTo(5).isEqualTo(emulator.stats().total() - before);
    assertThat(crm.usage().byOperation())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "compositeCreateSObjectCollections", 2,
                "compositeUpdateSObjectCollections", 2,
                "queryAll", 1));
  }

  @Test
  void aTransient503IsRetriedAndEveryAttemptIsCounted() {
    long before = emulator.stats().calls("query");
    control.failEvery(2, 503, null);

    List<Map<String, Object>> first = select("SELECT Id FROM Account WHERE Site = 'none'", false);
    List<Map<String, Object>> second = select("SELECT Id FROM Account WHERE Site = 'none'", false);

    assertThat(first).isEmpty();
    assertThat(second).isEmpty();
    assertThat(crm.usage().byOperation()).containsEntry("query", 3);
    assertThat(emulator.stats().calls("query") - before).isEqualTo(3);
  }

  @Test
  void aCallThatKeepsFailingStopsAfterTheBoundedRetries() {
    control.failEvery(1, 503, null);

    assertThatThrownBy(() -> select("SELECT Id FROM Account", false))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining("query")
        .satisfies(e -> assertThat(((CrmException) e).isLimitExceeded()).isFalse());
    assertThat(crm.usage().byOperation()).containsEntry("query", 4);
  }

  @Test
  void requestLimitExceededFailsAtOnceWithoutRetry() {
    control.failEvery(1, 403, "REQUEST_LIMIT_EXCEEDED");

    assertThatThrownBy(() -> crm.writer().create("Account", accounts(1)))
        .isInstanceOf(CrmException.class)
        .satisfies(e -> assertThat(((CrmException) e).isLimitExceeded()).isTrue());
    assertThat(crm.usage().byOperation()).containsEntry("compositeCreateSObjectCollections", 1);
  }

  @Test
  void anExpiredSessionIsRenewedWithoutTheCallerNoticing() {
    control.expireSessionsEvery(2);

    for (int i = 0; i < 4; i++) {
      assertThat(select("SELECT Id FROM Account WHERE Site = '" + tag + "'", false)).isEmpty();
    }
    assertThat(crm.writer().create("Account", accounts(3))).allMatch(SaveResult::success);
  }

  @Test
  void lockedRecordsAreRetriedUntilWritten() {
    control.lockRowEvery(3);

    List<SaveResult> results = crm.writer().create("Account", accounts(10));

    assertThat(results).hasSize(10).allMatch(SaveResult::success);
    assertThat(select("SELECT Id FROM Account WHERE Site = '" + tag + "'", false)).hasSize(10);
  }

  @Test
  void theDailyAllowanceIsReadFromTheLimitHeaderAndTheLimitsResource() {
    select("SELECT Id FROM Account WHERE Site = '" + tag + "'", false);

    ApiUsage fromHeader = crm.usage();
    ApiUsage fromLimits = crm.refreshLimits();

    assertThat(fromHeader.dailyMax()).isEqualTo(EmulatorOptions.DEFAULT_DAILY_API_LIMIT);
    assertThat(fromHeader.dailyUsed()).isPositive();
    assertThat(fromLimits.dailyRemaining()).isPositive().isLessThan(fromLimits.dailyMax());
    assertThat(fromLimits.byOperation()).containsEntry("limits", 1);
  }
}
