package com.vaultcrmsync.cli;

import com.vaultcrmsync.app.ConfigurationException;
import com.vaultcrmsync.app.RuntimeOptions;
import com.vaultcrmsync.app.SyncSession;
import com.vaultcrmsync.crm.CrmException;
import com.vaultcrmsync.mapping.MappingException;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.sync.SyncUsageException;
import com.vaultcrmsync.sync.run.SyncEngine;
import com.vaultcrmsync.sync.state.StateException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sync [--vault DIR] [--account KEY] [--dry-run] [--force] [--report-dir DIR]}: one two-way
 * run through the {@code sync-*} routes. Exit codes (design §5): 0 all synced; 1 record-level
 * errors or conflicts; 2 usage or configuration error; 3 halted by a safety rule, the API budget or
 * a fatal CRM error.
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = "Syncs the vault with Salesforce once, both ways, and writes the run report.")
public final class SyncCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VaultOptions vaultOptions;

  @Option(
      names = "--account",
      paramLabel = "KEY",
      description = "Only this account: title, alias, vault path or Account id.")
  String account;

  @Option(names = "--dry-run", description = "Plan and report; write nothing anywhere.")
  boolean dryRun;

  @Option(names = "--force", description = "Go on although a safety rule would halt the run.")
  boolean force;

  @Mixin ReportDirOptions reportDirOptions;

  @Mixin ConfigOptions configOptions;

  @Mixin ProfileOptions profileOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      RuntimeOptions base =
          configOptions.applyTo(profileOptions.applyTo(RuntimeOptions.of(Path.of("."))));
      Path reportDir = reportDirOptions.reportDir();
      if (reportDir != null) {
        base = base.withProperty("sync.report-dir", reportDir.toAbsolutePath().toString());
      }
      SyncSession.Folders folders = SyncSession.folders(base, vaultOptions.vault());
      try (SyncSession session = SyncSession.start(folders)) {
        RunReport report =
            session.run(
                account != null
                    ? SyncRequest.account(account, dryRun, force)
                    : SyncRequest.full(dryRun, force));
        summary(out, report, folders.reportDir());
        return SyncEngine.exitCode(report);
      }
    } catch (MappingException
        | ConfigurationException
        | SyncUsageException
        | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Main.EXIT_USAGE;
    } catch (CrmException | StateException e) {
      err.println(
          "error: "
              + e.getMessage()
              + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
      return 3;
    }
  }

  private static void summary(PrintWriter out, RunReport r, Path reports) {
    RunReport.Totals t = r.totals();
    out.printf(
        "%s%s: %s%s%n",
        r.run().mode(),
        r.run().dryRun() ? " (dry run)" : "",
        r.run().outcome(),
        r.run().message() == null ? "" : " - " + r.run().message());
    out.printf(
        "notes %d, accounts created %d updated %d unchanged %d, activities created %d updated %d unchanged %d, entries skipped %d, notes written %d, entries added %d, conflicts %d, errors %d%n",
        t.notes(),
        t.accountsCreated(),
        t.accountsUpdated(),
        t.accountsUnchanged(),
        t.activitiesCreated(),
        t.activitiesUpdated(),
        t.activitiesUnchanged(),
        t.entriesSkipped(),
        t.notesWritten(),
        t.entriesAdded(),
        t.conflicts(),
        t.errors());
    out.printf("API calls %d; report %s%n", r.api().calls(), reports.resolve("latest.json"));
    out.flush();
  }
}
