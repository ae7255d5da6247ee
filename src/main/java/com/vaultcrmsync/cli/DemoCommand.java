package com.vaultcrmsync.cli;

import com.vaultcrmsync.app.ConfigurationException;
import com.vaultcrmsync.app.EmulatorLogin;
import com.vaultcrmsync.app.RuntimeOptions;
import com.vaultcrmsync.app.SyncSession;
import com.vaultcrmsync.crm.CrmException;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import com.vaultcrmsync.mapping.MappingException;
import com.vaultcrmsync.report.ReviewItem;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.sync.state.StateFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo [--dir DIR]}: copies the bundled sample vault into a fresh folder, starts an
 * in-process Salesforce emulator where colleague Dana Lee already logged activities on the
 * "Fabrikam Inc" Account (an alias of a sample note), runs one two-way sync and prints where the
 * vault copy and the reports are. Exit 0 when the sync ran (the sample's malformed note is
 * reported, on purpose), 2 when the folder is not empty.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Try it: sample vault + embedded emulator + one two-way sync + reports.")
public final class DemoCommand implements Callable<Integer> {
  /** The sample vault's files, listed in the jar next to it. */
  static final String INDEX = "sample-vault.index";

  /** The colleague who logged the seeded activities. */
  static final String COLLEAGUE = "Dana Lee";

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Folder for the vault copy (default: ./vault-crm-sync-demo, numbered if taken).")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Path vault = target();
      List<String> files = copySample(vault);
      out.printf("Copied the sample vault (%d notes) to %s%n", files.size(), vault);
      Path state = vault.resolve(".vault-crm-sync");
      // Owner-only, as every state folder: the org file holds the emulator's credentials.
      StateFolder.create(state);
      try (Emulator org =
          Emulator.start(
              EmulatorOptions.defaults().withDataFile(state.resolve("emulator-org.json")))) {
        seed(org);
        out.printf(
            "Started the Salesforce emulator at %s: %s logged 3 activities on Account \"Fabrikam Inc\"%n",
            org.baseUrl(), COLLEAGUE);
        RuntimeOptions base =
            EmulatorLogin.onto(RuntimeOptions.of(state), org.baseUrl())
                .withProperty("sync.state-dir", state.toString())
                .withProperty("sync.report-dir", "");
        SyncSession.Folders folders = SyncSession.folders(base, vault);
        RunReport report;
        try (SyncSession session = SyncSession.start(folders)) {
          report = session.run(SyncRequest.full(false, false));
        }
        summary(out, report, vault, folders.reportDir());
      }
      return 0;
    } catch (ConfigurationException | MappingException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Main.EXIT_USAGE;
    } catch (CrmException e) {
      err.println("error: " + e.getMessage());
      return 3;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return Main.EXIT_USAGE;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private Path target() throws IOException {
    if (dir != null) {
      Path d = dir.toAbsolutePath().normalize();
      if (Files.exists(d)) {
        try (var entries = Files.list(d)) {
          if (entries.findAny().isPresent()) {
            throw new ConfigurationException(d + " is not empty: give --dir a new or empty folder");
          }
        }
      }
      return Files.createDirectories(d);
    }
    Path d = Path.of("vault-crm-sync-demo").toAbsolutePath();
    for (int i = 2; Files.exists(d); i++) {
      d = Path.of("vault-crm-sync-demo-" + i).toAbsolutePath();
    }
    return Files.createDirectories(d);
  }

  private static List<String> copySample(Path vault) throws IOException {
    ClassLoader loader = DemoCommand.class.getClassLoader();
    List<String> files;
    try (InputStream in = loader.getResourceAsStream(INDEX)) {
      if (in == null) {
        throw new IOException("the sample vault is missing from the jar (" + INDEX + ")");
      }
      files =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank())
              .toList();
    }
    for (String file : files) {
      Path to = vault.resolve(file).normalize();
      if (!to.startsWith(vault)) {
        throw new IOException("bad sample path " + file);
      }
      Files.createDirectories(to.getParent());
      try (InputStream in = loader.getResourceAsStream("sample-vault/" + file)) {
        if (in == null) {
          throw new IOException("sample note missing from the jar: " + file);
        }
        Files.copy(in, to);
      }
    }
    return files;
  }

  /** The colleague's account and activities, as a CRM user would have logged them. */
  static void seed(Emulator org) {
    String account =
        org.insertAs(COLLEAGUE, "Account", Map.of("Name", "Fabrikam Inc", "Type", "customer"));
    org.insertAs(
        COLLEAGUE,
        "Task",
        Map.of(
            "WhatId", account,
            "Subject", "Call with Fabrikam procurement",
            "Description", "Confirmed the renewal timeline; they want a 3-year term.",
            "ActivityDate", LocalDate.of(2026, 1, 20),
            "Status", "Completed"));
    org.insertAs(
        COLLEAGUE,
        "Task",
        Map.of(
            "WhatId",
            account,
            "Subject",
            "Sent the tiering proposal",
            "ActivityDate",
            LocalDate.of(2026, 1, 16),
            "Status",
            "Completed"));
    org.insertAs(
        COLLEAGUE,
        "Event",
        Map.of(
            "WhatId",
            account,
            "Subject",
            "Fabrikam quarterly business review",
            "Description",
            "QBR with their CIO: expansion into the EU region.",
            "ActivityDateTime",
            OffsetDateTime.of(2026, 1, 22, 15, 0, 0, 0, ZoneOffset.UTC).toInstant(),
            "DurationInMinutes",
            60));
  }

  private static void summary(PrintWriter out, RunReport report, Path vault, Path reports) {
    RunReport.Totals t = report.totals();
    out.printf("%nTwo-way sync: %s%n", report.run().outcome());
    out.printf(
        "  %d notes; %d Accounts created, %d Tasks created from note entries;"
            + " %d entries pulled from the CRM into notes; %d API calls%n",
        t.notes(),
        t.accountsCreated(),
        t.activitiesCreated(),
        t.entriesAdded(),
        report.api().calls());
    List<ReviewItem> review = ReviewItem.of(report);
    if (!review.isEmpty()) {
      out.println("  Needs review:");
      review.forEach(
          i ->
              out.printf(
                  "    %s  %s  %s%n",
                  i.location(), i.what(), i.why().replaceAll("\\p{Cntrl}", " ")));
    }
    out.printf("%nVault copy: %s%n", vault);
    out.printf("  see %s for the pulled entries%n", vault.resolve("Customers/Fabrikam.md"));
    out.printf("Reports:    %s%n", reports);
    out.printf(
        "  %s%n  %s%n  %s%n",
        reports.resolve("latest.html"),
        reports.resolve("latest.md"),
        reports.resolve("latest.json"));
    out.printf("%nNext: java -jar target/vault-crm-sync.jar report --vault %s%n", vault);
  }
}
