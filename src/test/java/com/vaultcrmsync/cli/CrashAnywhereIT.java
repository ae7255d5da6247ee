package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import com.vaultcrmsync.emulator.http.Faults;
import com.vaultcrmsync.report.ReportWriter;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.state.SyncLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@code kill -9} of the sync process at random moments of an initial sync of 1,000
 * notes loses and duplicates nothing: the next run completes with exactly one Account per note and
 * one Task per dated entry, every note differs from its original only in owned bytes, no temp file
 * is left, and the run after that is a no-op. Also proves a second sync process refuses while the
 * state folder's lock is held.
 */
class CrashAnywhereIT {
  private static final int NOTES = 1000;
  private static final int KILLS = 10;
  private static final Pattern OWNED_ID =
      Pattern.compile("(?m)^salesforce_id: [0-9A-Za-z]{18}\r?\n");
  private static final Pattern OWNED_LAST_CONTACT =
      Pattern.compile("(?m)^last_contact: [0-9-]{10}(\r?)$");

  @TempDir Path dir;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void killingTheSyncAtRandomMomentsNeverDuplicatesNorDamagesAndTheNextRunsConverge()
      throws Exception {
    Path vault = Files.createDirectories(dir.resolve("vault"));
    Map<String, byte[]> originals = writeVault(vault);
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Path config = dir.resolve("fast.properties");
    Files.writeString(config, "crm.retry.initial-delay-ms=20\n");
    Random random = new Random(20261127L);
    try (Emulator org = Emulator.start(EmulatorOptions.defaults())) {
      // Latency widens every window between two calls, so kills land in all phases of the run.
      org.setFaults(new Faults(503, 0, null, 0, 15, 0), null);
      int landed = 0;
      List<String> moments = new ArrayList<>();
      for (int i = 0; i < KILLS; i++) {
        long callsBefore = org.stats().total();
        int writtenBefore = linkedNotes(vault);
        Process p =
            SyncProcess.start(
                org.baseUrl(), vault, out, err, Map.of(), "--config", config.toString());
        // Every trigger also fires after a share of the notes still to write, so each kill lands
        // in the run and the kills spread over the whole initial sync.
        int remaining = NOTES - writtenBefore;
        int notes = 1 + random.nextInt(Math.max(1, 2 * remaining / (KILLS - i + 1)));
        BooleanSupplier written = () -> linkedNotes(vault) - writtenBefore >= notes;
        BooleanSupplier trigger;
        String moment;
        switch (random.nextInt(3)) {
          case 0 -> {
            int calls = 1 + random.nextInt(20);
            moment = "after " + calls + " API calls or " + notes + " notes written";
            trigger = () -> org.stats().total() - callsBefore >= calls || written.getAsBoolean();
          }
          case 1 -> {
            moment = "after " + notes + " notes written";
            trigger = written;
          }
          default -> {
            long ms = 500 + random.nextInt(5000);
            long start = System.nanoTime();
            moment = ms + " ms after start or " + notes + " notes written";
            trigger =
                () ->
                    System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(ms)
                        || written.getAsBoolean();
          }
        }
        try {
          await()
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofMillis(20))
              .until(() -> !p.isAlive() || trigger.getAsBoolean());
        } catch (RuntimeException | Error e) {
          p.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
          throw e;
        }
        if (p.isAlive()) {
          p.destroyForcibly();
          landed++;
          moments.add(moment);
        } else {
          moments.add(moment + " (finished first, exit " + p.exitValue() + ")");
        }
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
      }
      assertThat(landed)
          .as("kills that hit a running sync: %s", moments)
          .isGreaterThanOrEqualTo(KILLS - 2);

      org.clearFaults();
      assertThat(runToEnd(org, vault, out, err, config)).as(tail(err)).isZero();

      OrgSoql soql = new OrgSoql(org.baseUrl());
      assertThat(soql.count("SELECT COUNT() FROM Account")).isEqualTo(NOTES);
      assertThat(soql.count("SELECT COUNT() FROM Task")).isEqualTo(2 * NOTES);
      Map<String, String> accountsByName = new HashMap<>();
      for (JsonNode a : soql.rows("SELECT Id, Name FROM Account")) {
        assertThat(accountsByName.put(a.get("Name").asText(), a.get("Id").asText())).isNull();
      }
      Set<String> keys = new HashSet<>();
      Map<String, Integer> tasksPerAccount = new HashMap<>();
      for (JsonNode t : soql.rows("SELECT Vault_Key__c, WhatId FROM Task")) {
        assertThat(keys.add(t.get("Vault_Key__c").asText())).isTrue();
        tasksPerAccount.merge(t.get("WhatId").asText(), 1, Integer::sum);
      }
      assertThat(tasksPerAccount).hasSize(NOTES).allSatisfy((k, v) -> assertThat(v).isEqualTo(2));

      for (var e : originals.entrySet()) {
        String after = Files.readString(vault.resolve(e.getKey()), StandardCharsets.UTF_8);
        String id = accountsByName.get(title(e.getKey()));
        assertThat(after)
            .as(e.getKey())
            .contains("salesforce_id: " + id)
            .contains("last_contact: 2025-12-19");
        String unowned =
            OWNED_LAST_CONTACT
                .matcher(OWNED_ID.matcher(after).replaceAll(""))
                .replaceAll("last_contact: unknown$1");
        assertThat(unowned.getBytes(StandardCharsets.UTF_8)).as(e.getKey()).isEqualTo(e.getValue());
      }
      assertThat(tempFiles(vault)).isEmpty();

      Map<String, Long> mtimes = mtimes(vault);
      assertThat(runToEnd(org, vault, out, err, config)).as(tail(err)).isZero();
      RunReport noOp = ReportWriter.read(vault.resolve(".vault-crm-sync/reports/latest.json"));
      RunReport.Totals t = noOp.totals();
      assertThat(t.accountsCreated() + t.accountsUpdated()).isZero();
      assertThat(t.activitiesCreated() + t.activitiesUpdated()).isZero();
      assertThat(t.notesWritten() + t.entriesAdded() + t.errors() + t.conflicts()).isZero();
      assertThat(noOp.api().calls()).isLessThanOrEqualTo(3);
      assertThat(mtimes(vault)).isEqualTo(mtimes);
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aSecondSyncProcessRefusesWhileTheStateFolderIsLocked() throws Exception {
    Path vault = Files.createDirectories(dir.resolve("vault"));
    Files.writeString(vault.resolve("Acme.md"), note(1, "\n"));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    try (Emulator org = Emulator.start(EmulatorOptions.defaults());
        SyncLock held = SyncLock.acquire(vault.resolve(".vault-crm-sync"), Duration.ZERO)) {
      Path config =
          Files.writeString(dir.resolve("no-wait.properties"), "sync.lock-wait-seconds=0\n");
      Process p =
          SyncProcess.start(
              org.baseUrl(), vault, out, err, Map.of(), "--config", config.toString());
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();

      assertThat(p.exitValue()).isEqualTo(3);
      assertThat(Files.readString(err)).contains("another sync is running on this vault");
      assertThat(org.org().store().scan("Account").count()).isZero();
      assertThat(Files.readString(vault.resolve("Acme.md"))).isEqualTo(note(1, "\n"));
    }
  }

  private static int runToEnd(Emulator org, Path vault, Path out, Path err, Path config)
      throws IOException, InterruptedException {
    Process p =
        SyncProcess.start(org.baseUrl(), vault, out, err, Map.of(), "--config", config.toString());
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("sync did not finish");
    }
    return p.exitValue();
  }

  /** 1,000 customer notes, some with CRLF, a BOM or no final newline; two dated entries each. */
  private static Map<String, byte[]> writeVault(Path vault) throws IOException {
    Map<String, byte[]> originals = new HashMap<>();
    for (int i = 0; i < NOTES; i++) {
      String eol = i % 7 == 0 ? "\r\n" : "\n";
      String text = note(i, eol);
      if (i % 13 == 0) {
        text = text.substring(0, text.length() - eol.length());
      }
      if (i % 11 == 0) {
        text = "\uFEFF" + text;
      }
      String path = (i % 3 == 0 ? "clients/" : "") + "Crash Customer " + i + ".md";
      Path file = vault.resolve(path);
      Files.createDirectories(file.getParent());
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      Files.write(file, bytes);
      originals.put(path, bytes);
    }
    return originals;
  }

  private static String note(int i, String eol) {
    return String.join(
            eol,
            "---",
            "type: customer",
            "title: Crash Customer " + i,
            "last_contact: unknown",
            "created: '2026-01-03'   # kept as typed",
            "tags:",
            "- type/customer",
            "---",
            "# Crash Customer " + i,
            "",
            "## Recent Context",
            "- 2025-12-19: [[2025-12-19 Call "
                + i
                + "]] - Renewal call \u2014 pricing \u201cv2\u201d (via Dana)",
            "- 2025-11-0" + (1 + i % 9) + ": Workshop " + i + " - architecture review...",
            "- unknown: [[Checklist " + i + "]] - undated, skipped",
            "",
            "## Key Facts",
            "- fact " + i + "  ",
            "")
        + "";
  }

  private static String title(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.substring(0, name.length() - 3);
  }

  private static int linkedNotes(Path vault) {
    // The sync renames temp files while this walks: a vanished entry just means "look again".
    for (int attempt = 0; ; attempt++) {
      try (Stream<Path> files = Files.walk(vault)) {
        int n = 0;
        for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
          try {
            if (Files.readString(p, StandardCharsets.ISO_8859_1).contains("salesforce_id: ")) {
              n++;
            }
          } catch (IOException e) {
            // Renamed over while reading: counted on the next poll.
          }
        }
        return n;
      } catch (IOException | UncheckedIOException e) {
        if (attempt == 5) {
          return 0;
        }
      }
    }
  }

  private static List<Path> tempFiles(Path vault) throws IOException {
    try (Stream<Path> files = Files.walk(vault)) {
      return files
          .filter(p -> !p.startsWith(vault.resolve(".vault-crm-sync")))
          .filter(p -> p.getFileName().toString().contains(".vcs-tmp-"))
          .toList();
    }
  }

  private static Map<String, Long> mtimes(Path vault) throws IOException {
    try (Stream<Path> files = Files.walk(vault)) {
      Map<String, Long> m = new HashMap<>();
      for (Path p :
          files
              .filter(f -> !f.startsWith(vault.resolve(".vault-crm-sync")))
              .filter(f -> f.toString().endsWith(".md"))
              .toList()) {
        m.put(vault.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
      }
      return m;
    }
  }

  private static String tail(Path file) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    return s.substring(Math.max(0, s.length() - 4000));
  }
}
