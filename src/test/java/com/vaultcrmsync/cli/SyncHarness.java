package com.vaultcrmsync.cli;

import com.vaultcrmsync.app.EmulatorLogin;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import com.vaultcrmsync.report.ReportWriter;
import com.vaultcrmsync.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A vault folder, an emulated org on loopback and the real {@code sync} command between them: each
 * run goes through picocli, camel-main, the YAML routes and the Camel Salesforce component.
 */
final class SyncHarness implements AutoCloseable {
  final Path vault;
  final Path config;
  final Emulator org;
  String lastOut = "";
  String lastErr = "";

  SyncHarness(Path dir, String... extraProperties) throws IOException {
    this.vault = Files.createDirectories(dir.resolve("vault"));
    this.org = Emulator.start(EmulatorOptions.defaults());
    this.config = dir.resolve("test.properties");
    List<String> lines = new ArrayList<>();
    EmulatorLogin.properties(org.baseUrl()).forEach((k, v) -> lines.add(k + "=" + v));
    lines.add("crm.retry.initial-delay-ms=10");
    lines.addAll(Arrays.asList(extraProperties));
    Files.write(config, lines, StandardCharsets.UTF_8);
  }

  /** Runs {@code sync --vault <vault> --config <config> <args>} and returns the exit code. */
  int sync(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of("sync", "--vault", vault.toString(), "--config", config.toString()));
    all.addAll(Arrays.asList(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(all.toArray(String[]::new));
    lastOut = out.toString();
    lastErr = err.toString();
    return code;
  }

  RunReport report() throws IOException {
    return ReportWriter.read(vault.resolve(".vault-crm-sync/reports/latest.json"));
  }

  Path write(String relative, String text) throws IOException {
    Path p = vault.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  Path copySeed() throws IOException {
    Path p = vault.resolve("Microsoft.md");
    Files.copy(Path.of("src/test/resources/vault/seed/Microsoft.md"), p);
    return p;
  }

  String read(String relative) throws IOException {
    return Files.readString(vault.resolve(relative), StandardCharsets.UTF_8);
  }

  List<Map<String, Object>> records(String sObject) {
    return org.org()
        .store()
        .scan(sObject)
        .filter(r -> !Boolean.TRUE.equals(r.get("IsDeleted")))
        .toList();
  }

  /**
   * A Task a colleague (Dana Lee) logs in the CRM on the Account named {@code accountName}; its id.
   */
  String colleagueTask(String accountName, String subject, LocalDate date) {
    String account = (String) records("Account", "Name", accountName).get(0).get("Id");
    return org.insertAs(
        "Dana Lee", "Task", Map.of("Subject", subject, "ActivityDate", date, "WhatId", account));
  }

  List<Map<String, Object>> records(String sObject, String field, Object value) {
    return records(sObject).stream()
        .filter(r -> Objects.equals(String.valueOf(r.get(field)), String.valueOf(value)))
        .toList();
  }

  long apiCalls() {
    return org.stats().total();
  }

  /** Every note's path and bytes, to prove a run wrote nothing. */
  Map<String, String> snapshot() throws IOException {
    try (Stream<Path> files = Files.walk(vault)) {
      Map<String, String> out = new java.util.TreeMap<>();
      for (Path p :
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".md"))
              // The Markdown run reports live in the state folder; they are not notes.
              .filter(p -> !vault.relativize(p).startsWith(".vault-crm-sync"))
              .toList()) {
        out.put(
            vault.relativize(p) + "@" + Files.getLastModifiedTime(p).toMillis(),
            Files.readString(p, StandardCharsets.ISO_8859_1));
      }
      return out;
    }
  }

  @Override
  public void close() {
    org.close();
  }
}
