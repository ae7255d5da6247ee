package com.vaultcrmsync.emulator.org;

import static com.vaultcrmsync.emulator.EmulatorHttp.V;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorHttp;
import com.vaultcrmsync.emulator.EmulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves an org kept in a data file survives a restart with typed values and fresh ids. */
class OrgFileTest {

  @TempDir Path dir;

  @Test
  void recordsSurviveARestartAndNewIdsDoNotCollide() throws Exception {
    Path data = dir.resolve("org.json");
    String account;
    String task;
    try (Emulator first = Emulator.start(EmulatorOptions.defaults().withDataFile(data))) {
      account = first.insertAs("Integration User", "Account", Map.of("Name", "Acme"));
      task =
          first.insertAs(
              "Dana Lee",
              "Task",
              Map.of(
                  "Subject", "Call",
                  "WhatId", account,
                  "Status", "Completed",
                  "ActivityDate", LocalDate.parse("2026-01-10"),
                  "Vault_Key__c", "K1"));
      first.delete(account);
    }
    assertThat(Files.readString(data)).contains("\"format\":1").contains(task);
    try (Emulator second = Emulator.start(EmulatorOptions.defaults().withDataFile(data))) {
      Map<String, Object> restored = second.record(task).orElseThrow();
      assertThat(restored.get("ActivityDate")).isEqualTo(LocalDate.parse("2026-01-10"));
      assertThat(restored.get("CreatedDate")).isInstanceOf(Instant.class);
      assertThat(restored.get("CreatedById")).isEqualTo(second.colleagueUserId());
      assertThat(restored.get("IsDeleted")).isEqualTo(true);
      assertThat(second.record(account).orElseThrow().get("IsDeleted")).isEqualTo(true);
      String next = second.insertAs("Integration User", "Account", Map.of("Name", "Next"));
      assertThat(next).isNotEqualTo(account);
      assertThat(SalesforceId.sequence(next)).isGreaterThan(SalesforceId.sequence(task));
      EmulatorHttp http = new EmulatorHttp(second.baseUrl()).login();
      assertThat(
              http.get(
                      V
                          + "/queryAll?q="
                          + EmulatorHttp.q("SELECT Id FROM Task WHERE Vault_Key__c = 'K1'"))
                  .json()
                  .get("totalSize")
                  .asInt())
          .isEqualTo(1);
    }
  }

  @Test
  void writesAreSavedSoonAfterTheyHappenWithoutClosing() throws Exception {
    Path data = dir.resolve("org.json");
    try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withDataFile(data))) {
      String id = emulator.insertAs("Integration User", "Account", Map.of("Name", "Saved"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> Files.exists(data) && Files.readString(data).contains(id));
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("org.json");
      }
    }
  }
}
