package com.vaultcrmsync.app;

import com.vaultcrmsync.crm.CamelCrmGateway;
import com.vaultcrmsync.mapping.MappingLoader;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.mapping.RecordMapper;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.SyncUsageException;
import com.vaultcrmsync.sync.run.SyncCall;
import com.vaultcrmsync.sync.run.SyncEngine;
import com.vaultcrmsync.sync.run.SyncRunner;
import com.vaultcrmsync.sync.state.StateFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * A started connector for commands that sync more than once or need the runtime around the sync
 * ({@code run}, {@code demo}): the layered configuration, the vault and state folders, the {@link
 * CrmRuntime} with the routes, and {@link #run} sending a request through the {@code sync-*}
 * routes. Each run gets a fresh CRM gateway, so its report counts only its own API calls.
 */
public final class SyncSession implements SyncCall, AutoCloseable {
  private final CrmRuntime runtime;
  private final SyncRunner runner;
  private final Path vault;
  private final Path stateDir;
  private final Path reportDir;
  private final RecordMapper mapper;
  private final SyncSettings settings;
  private final long maxNoteBytes;
  private final ProducerTemplate template;
  private final ProgressReporter progress = ProgressReporter.forThisProcess();
  private volatile boolean orgLinked;

  private SyncSession(
      CrmRuntime runtime, SyncRunner runner, Path vault, Path stateDir, Path reportDir) {
    this.runtime = runtime;
    this.runner = runner;
    this.vault = vault;
    this.stateDir = stateDir;
    this.reportDir = reportDir;
    CamelContext camel = runtime.camelContext();
    Settings all = runtime.settings();
    MappingLoader loader = new MappingLoader(camel);
    Mappings mappings =
        all.mappingsDir().map(dir -> loader.load(Path.of(dir))).orElseGet(loader::loadDefaults);
    this.mapper = new RecordMapper(camel, mappings);
    this.settings = all.sync();
    this.maxNoteBytes = all.maxNoteBytes();
    this.template = camel.createProducerTemplate();
  }

  /**
   * Where a session will keep its state and reports, resolved before anything starts, with the
   * settings those options give.
   */
  public record Folders(
      Path vault, Path stateDir, Path reportDir, RuntimeOptions options, Settings settings) {

    /** The same folders with other runtime options (more beans; the same configuration). */
    public Folders withOptions(RuntimeOptions other) {
      return new Folders(vault, stateDir, reportDir, other, settings);
    }
  }

  /**
   * Resolves the vault, state and report folders from the options (command-line vault wins over
   * {@code vault.dir}), reading and validating every setting.
   *
   * @throws ConfigurationException when the vault folder does not exist or a setting is invalid
   */
  public static Folders folders(RuntimeOptions base, Path vaultOption) {
    Settings settings = Settings.load(base);
    Path vault =
        (vaultOption != null ? vaultOption : Path.of(settings.vaultDir().orElse(".")))
            .toAbsolutePath()
            .normalize();
    if (!Files.isDirectory(vault)) {
      throw new ConfigurationException("the vault folder " + vault + " does not exist (--vault)");
    }
    Path state =
        settings
            .stateDir()
            .map(Path::of)
            .orElse(vault.resolve(".vault-crm-sync"))
            .toAbsolutePath()
            .normalize();
    Path reports =
        settings
            .reportDir()
            .map(Path::of)
            .orElse(state.resolve("reports"))
            .toAbsolutePath()
            .normalize();
    RuntimeOptions options =
        new RuntimeOptions(
                state, base.profile(), base.configFile(), base.properties(), base.beans())
            .withProperty("vault.dir", vault.toString())
            .withProperty("sync.report-dir", reports.toString());
    return new Folders(vault, state, reports, options, settings);
  }

  /** Starts the runtime with the folders' options (plus a {@code syncRunner} bean). */
  public static SyncSession start(Folders folders) {
    SyncRunner runner = new SyncRunner();
    CrmRuntime runtime = CrmRuntime.start(folders.options().withBean("syncRunner", runner));
    try {
      return new SyncSession(
          runtime, runner, folders.vault(), folders.stateDir(), folders.reportDir());
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /** Runs one sync through the routes (the report is written by them) and returns its report. */
  @Override
  public RunReport run(SyncRequest request) {
    if (!request.dryRun() && !runtime.embedded() && !orgLinked) {
      // Before the first write, so that a crash mid-run cannot leave an unmarked state folder.
      OrgLink.record(stateDir, runtime.loginUrl(), settings.lockWait());
      orgLinked = true;
    }
    try {
      StateFolder.create(reportDir);
    } catch (IOException e) {
      throw new ConfigurationException("Cannot create the report folder " + reportDir + ": " + e);
    }
    try (CamelCrmGateway gateway = runtime.crm()) {
      runner.attach(
          new SyncEngine(
                  vault, stateDir, mapper, gateway, settings, Clock.systemUTC(), maxNoteBytes)
              .progress(progress),
          reportDir);
      Map<String, Object> headers = new HashMap<>();
      headers.put("dryRun", request.dryRun());
      headers.put("force", request.force());
      headers.put("reportDir", reportDir.toString());
      if (request.key() != null) {
        headers.put("syncKey", request.key());
      }
      String uri =
          switch (request.mode()) {
            case FULL -> "direct:sync-all";
            case ACCOUNT -> "direct:sync-account";
            case NOTE -> "direct:sync-note";
          };
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
  }

  public CrmRuntime runtime() {
    return runtime;
  }

  public Path vault() {
    return vault;
  }

  public Path stateDir() {
    return stateDir;
  }

  public Path reportDir() {
    return reportDir;
  }

  @Override
  public void close() {
    runtime.close();
  }

  private static RuntimeException unwrap(Exception e) {
    Throwable t = e;
    while (t instanceof CamelExecutionException
        || (t.getClass().getName().startsWith("org.apache.camel") && t.getCause() != null)) {
      if (t.getCause() == null) {
        break;
      }
      t = t.getCause();
    }
    return t instanceof RuntimeException r ? r : new IllegalStateException(t.getMessage(), t);
  }
}
