package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.parse.SoqlException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Times the engine over 200,000 Tasks (run by hand: {@code java -cp
 * target/classes:target/test-classes com.vaultcrmsync.emulator.soql.SoqlQueryTiming}); tests never
 * assert wall-clock time, this prints it.
 */
public final class SoqlQueryTiming {
  private SoqlQueryTiming() {}

  public static void main(String[] args) throws SoqlException {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    TestOrg org = new TestOrg();
    String account = org.add("Account", Map.of("Name", "Acme"));
    Instant base = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < size; i++) {
      org.add(
          "Task",
          Map.of(
              "Subject",
              "Task " + (i % 977),
              "WhatId",
              account,
              "Vault_Key__c",
              "vk-" + i,
              "ActivityDate",
              LocalDate.of(2025, 1, 1).plusDays(i % 365),
              "SystemModstamp",
              base.plusSeconds((i * 7919L) % 10_000_000L)));
    }
    SoqlEngine engine = new SoqlEngine(org, org, Clock.systemUTC());
    List<String> queries =
        List.of(
            "SELECT Id, Subject, SystemModstamp, Vault_Key__c FROM Task ORDER BY SystemModstamp, Id",
            "SELECT Id, Subject, What.Name FROM Task WHERE SystemModstamp >="
                + " 2025-02-01T00:00:00.000+00:00 ORDER BY SystemModstamp, Id LIMIT 2000",
            "SELECT COUNT() FROM Task WHERE Subject LIKE 'task 1%' AND ActivityDate = THIS_YEAR",
            "SELECT Id FROM Task WHERE Vault_Key__c IN ('vk-1', 'vk-99999', 'vk-150000')");
    System.out.println("execute (every row built) | open + first page of 2,000 (best of 5)");
    for (String soql : queries) {
      long best = Long.MAX_VALUE;
      long bestPage = Long.MAX_VALUE;
      int rows = 0;
      for (int run = 0; run < 5; run++) {
        long start = System.nanoTime();
        SoqlResult result = engine.execute(soql, true);
        best = Math.min(best, System.nanoTime() - start);
        rows = result.totalSize();
        start = System.nanoTime();
        SoqlPages pages = engine.open(soql, true);
        pages.rows(0, Math.min(2000, pages.size()));
        bestPage = Math.min(bestPage, System.nanoTime() - start);
      }
      System.out.printf(
          "%6d ms | %6d ms  %7d rows  %s%n", best / 1_000_000, bestPage / 1_000_000, rows, soql);
    }
  }
}
