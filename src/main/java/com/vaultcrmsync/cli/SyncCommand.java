package com.vaultcrmsync.cli;

import com.vaultcrmsync.crm.CrmException;
import com.vaultcrmsync.mapping.MappingException;
import com.vaultcrmsync.mapping.MappingLoader;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.mapping.RecordMapper;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.StateException;
import com.vaultcrmsync.sync.SyncEngine;
import com.vaultcrmsync.sync.SyncRunner;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.SyncUsageException;
import com.vaultcrmsync.vault.VaultScanner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import picocli.CommandLine.Command;
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

  @Option(
      names = "--vault",
      description = "Vault folder (default: vault.dir, else the current one).")
  Path vault;

  @Option(
      names = "--account",
      paramLabel = "KEY",
      description = "Only this account: title, alias, vault path or Account id.")
  String account;

  @Option(names = "--dry-run", description = "Plan and report; write nothing anywhere.")
  boolean dryRun;

  @Option(names = "--force", description = "Go on although a safety rule would halt the run.")
  boolean force;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Report folder (default: <state folder>/reports).")
  Path reportDir;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file overlaying the configuration.")
  Path configFile;

  @Option(
      names = "--profile",
      description = "Configuration profile (config/application-<profile>.properties).")
  String profile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      RuntimeOptions base = RuntimeOptions.of(Path.of(".")).withProfile(profile);
      if (configFile != null) {
        base = base.withConfigFile(configFile);
      }
      Map<String, String> props = new HashMap<>();
      ConfigurationLoader.load(base)
          .properties()
          .forEach((k, v) -> props.put((String) k, (String) v));
      Path vaultRoot =
          (vault != null ? vault : Path.of(or(props.get("vault.dir"), ".")))
              .toAbsolutePath()
              .normalize();
      if (!Files.isDirectory(vaultRoot)) {
        err.println("error: the vault folder " + vaultRoot + " does not exist (--vault)");
        return Main.EXIT_USAGE;
      }
      String stateProp = props.get("sync.state-dir");
      Path stateDir =
          stateProp == null || stateProp.isBlank()
              ? vaultRoot.resolve(".vault-crm-sync")
              : Path.of(stateProp);
      SyncRunner runner = new SyncRunner();
      RuntimeOptions options =
          new RuntimeOptions(
              stateDir, base.profile(), base.configFile(), Map.of(), Map.of("syncRunner", runner));
      try (CrmRuntime runtime = CrmRuntime.start(options)) {
        CamelContext camel = runtime.camelContext();
        Mappings mappings = loadMappings(camel, props.get("sync.mappings-dir"));
        SyncSettings settings =
            SyncSettings.from(k -> camel.getPropertiesComponent().resolveProperty(k).orElse(null));
        long maxBytes =
            Long.parseLong(
                or(
                    props.get("vault.max-note-bytes"),
                    Long.toString(VaultScanner.DEFAULT_MAX_NOTE_BYTES)));
        String reportProp = props.get("sync.report-dir");
        Path reports =
            reportDir != null
                ? reportDir
                : reportProp == null || reportProp.isBlank()
                    ? stateDir.resolve("reports")
                    : Path.of(reportProp);
        try (var gateway = runtime.crm()) {
          runner.attach(
              new SyncEngine(
                      vaultRoot,
                      stateDir,
                      new RecordMapper(camel, mappings),
                      gateway,
                      settings,
                      Clock.systemUTC(),
                      maxBytes)
                  .progress(ProgressReporter.forThisProcess()),
              reports.toAbsolutePath());
          RunReport report = run(camel.createProducerTemplate(), reports);
          summary(out, report, reports);
          return SyncEngine.exitCode(report);
        }
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

  private RunReport run(ProducerTemplate template, Path reports) {
    Map<String, Object> headers = new HashMap<>();
    headers.put("dryRun", dryRun);
    headers.put("force", force);
    headers.put("reportDir", reports.toAbsolutePath().toString());
    if (account != null) {
      headers.put("syncKey", account);
    }
    String uri = account != null ? "direct:sync-account" : "direct:sync-all";
    Exchange done = template.request(uri, e -> e.getMessage().setHeaders(headers));
    if (done.getException() != null) {
      throw unwrap(done.getException());
    }
    String usage = done.getVariable(SyncRunner.USAGE_ERROR_VARIABLE, String.class);
    if (usage != null) {
      throw new SyncUsageException(usage);
    }
    return done.getVariable(SyncRunner.REPORT_VARIABLE, RunReport.class);
  }

  private static RuntimeException unwrap(Exception e) {
    Throwable t = e;
    while ((t instanceof CamelExecutionException
            || t.getClass().getName().startsWith("org.apache.camel"))
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof RuntimeException r ? r : new IllegalStateException(t.getMessage(), t);
  }

  private static Mappings loadMappings(CamelContext camel, String dir) {
    MappingLoader loader = new MappingLoader(camel);
    return dir == null || dir.isBlank() ? loader.loadDefaults() : loader.load(Path.of(dir));
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

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
