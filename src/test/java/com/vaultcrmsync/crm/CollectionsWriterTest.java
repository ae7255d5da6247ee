package com.vaultcrmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.emulator.EmulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the writer seam against the emulator over loopback: the gateway's writer is the
 * collections writer, and every write returns one result per record in input order, a refused
 * record failing in its place while the others are written, across chunks of 200.
 */
class CollectionsWriterTest {
  @TempDir static Path state;
  static LoopbackOrg org;
  CamelCrmGateway crm;
  CrmWriter writer;

  @BeforeAll
  static void startOrg() throws Exception {
    org = LoopbackOrg.start(state, EmulatorOptions.defaults());
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
  }

  @AfterEach
  void closeGateway() {
    crm.close();
  }

  private List<String> createAccounts(int n) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(Map.of("Name", "Writer " + i));
    }
    return writer.create("Account", records).stream().map(SaveResult::id).toList();
  }

  @Test
  void theGatewayWritesThroughSObjectCollections() {
    assertThat(writer).isInstanceOf(CollectionsWriter.class);
  }

  @Test
  void anUpdateAcrossTwoChunksFailsOneRecordInItsPlace() {
    List<String> ids = createAccounts(201);
    List<Map<String, Object>> updates = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      updates.add(Map.of("Id", i == 200 ? "not-an-id" : ids.get(i), "Site", "updated"));
    }

    List<SaveResult> results = writer.update("Account", updates);

    assertThat(results).hasSize(201);
    assertThat(results.subList(0, 200)).allMatch(SaveResult::success);
    assertThat(results.subList(0, 200))
        .extracting(SaveResult::id)
        .containsExactlyElementsOf(ids.subList(0, 200));
    assertThat(results.get(200).success()).isFalse();
    assertThat(results.get(200).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.code()).isEqualTo("MALFORMED_ID"));
    assertThat(crm.usage().byOperation())
        .containsEntry("compositeCreateSObjectCollections", 2)
        .containsEntry("compositeUpdateSObjectCollections", 2);
  }

  @Test
  void anUpsertWithoutItsExternalIdFailsThatRecordOnly() {
    String account = createAccounts(1).get(0);
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (String key : List.of("upsert-a", "", "upsert-c")) {
      Map<String, Object> task = new LinkedHashMap<>();
      if (!key.isEmpty()) {
        task.put("Vault_Key__c", key);
      }
      task.put("Subject", "Call " + key);
      task.put("WhatId", account);
      tasks.add(task);
    }

    List<SaveResult> results = writer.upsert("Task", "Vault_Key__c", tasks);

    assertThat(results).extracting(SaveResult::success).containsExactly(true, false, true);
    assertThat(results).extracting(SaveResult::created).containsExactly(true, false, true);
    assertThat(results.get(1).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.code()).isEqualTo("MISSING_ARGUMENT"));
    assertThat(crm.usage().byOperation()).containsEntry("compositeUpsertSObjectCollections", 1);
  }

  @Test
  void aDeleteReportsARecordAlreadyDeletedInItsPlace() {
    List<String> ids = createAccounts(3);
    writer.delete(List.of(ids.get(1)));

    List<SaveResult> results = writer.delete(ids);

    assertThat(results).extracting(SaveResult::success).containsExactly(true, false, true);
    assertThat(results).extracting(SaveResult::id).containsExactlyElementsOf(ids);
    assertThat(results.get(1).errors())
        .singleElement()
        .satisfies(e -> assertThat(e.code()).isEqualTo("ENTITY_IS_DELETED"));
  }
}
