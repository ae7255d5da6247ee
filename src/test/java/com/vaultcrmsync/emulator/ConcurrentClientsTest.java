package com.vaultcrmsync.emulator;

import static com.vaultcrmsync.emulator.EmulatorHttp.V;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves concurrent clients never create duplicate external ids or see half-applied requests. */
class ConcurrentClientsTest {

  private Emulator emulator;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorOptions.defaults());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void parallelUpsertsOfOverlappingKeysCreateEachKeyOnce() throws Exception {
    String account = emulator.insertAs("Integration User", "Account", Map.of("Name", "Acme"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> created = new ArrayList<>();
      for (int client = 0; client < 4; client++) {
        created.add(
            pool.submit(
                () -> {
                  EmulatorHttp http = new EmulatorHttp(emulator.baseUrl()).login();
                  int mine = 0;
                  for (int round = 0; round < 5; round++) {
                    JsonNode results =
                        http.call(
                                "PATCH",
                                V + "/composite/sobjects/Task/Vault_Key__c",
                                batch(round, account))
                            .json();
                    for (JsonNode r : results) {
                      assertThat(r.get("success").asBoolean()).as(r.toString()).isTrue();
                      mine += r.get("created").asBoolean() ? 1 : 0;
                    }
                    JsonNode count =
                        http.get(V + "/query?q=" + EmulatorHttp.q("SELECT COUNT() FROM Task"))
                            .json();
                    assertThat(count.get("totalSize").asInt() % 100).isZero();
                  }
                  return mine;
                }));
      }
      int total = 0;
      for (Future<Integer> f : created) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo(500);
      assertThat(emulator.org().store().count("Task")).isEqualTo(500);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String batch(int round, String account) {
    StringBuilder b = new StringBuilder("{\"records\":[");
    for (int i = 0; i < 100; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"attributes\":{\"type\":\"Task\"},\"Vault_Key__c\":\"r")
          .append(round)
          .append("-")
          .append(i)
          .append("\",\"WhatId\":\"")
          .append(account)
          .append("\"}");
    }
    return b.append("]}").toString();
  }
}
