package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.crm.CrmException;
import com.vaultcrmsync.crm.CrmGateway;
import com.vaultcrmsync.mapping.RecordMapper;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.ApiBudget;
import com.vaultcrmsync.sync.CrmFailure;
import com.vaultcrmsync.sync.Halt;
import com.vaultcrmsync.sync.RunSetup;
import com.vaultcrmsync.sync.SyncProgress;
import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.VaultFailure;
import com.vaultcrmsync.sync.state.StateStore;
import com.vaultcrmsync.sync.state.SyncLock;
import com.vaultcrmsync.vault.VaultScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync run, two ways: read the changed notes, match them to Accounts, pull the CRM changes
 * since the watermark, plan, check the safety rules, write the CRM, write the notes, advance the
 * watermark, and report. This class sets a run up (the lock, the state, the report, the progress
 * listener) and turns how it ended into the report's outcome; the run's steps are in {@link
 * SyncRun}, every decision in {@link SyncPlanner}, every write in {@link PlanApplier}.
 */
public final class SyncEngine {
  private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

  private final Path vaultRoot;
  private final Path stateDir;
  private final RecordMapper mapper;
  private final CrmGateway crm;
  private final SyncSettings settings;
  private final Clock clock;
  private final VaultScanner scanner;
  private volatile SyncProgress progress = SyncProgress.NONE;

  /**
   * @param vaultRoot the vault folder
   * @param stateDir the state folder (usually {@code <vault>/.vault-crm-sync})
   * @param mapper the validated mappings, ready to evaluate
   * @param crm the gateway every Salesforce call goes through
   */
  public SyncEngine(
      Path vaultRoot,
      Path stateDir,
      RecordMapper mapper,
      CrmGateway crm,
      SyncSettings settings,
      Clock clock,
      long maxNoteBytes) {
    this.vaultRoot = vaultRoot.toAbsolutePath().normalize();
    this.stateDir = stateDir.toAbsolutePath().normalize();
    this.mapper = mapper;
    this.crm = crm;
    this.settings = settings;
    this.clock = clock;
    this.scanner = new VaultScanner(maxNoteBytes);
  }

  /** Reports the progress of the following runs to {@code listener} (e.g. a terminal display). */
  public SyncEngine progress(SyncProgress listener) {
    this.progress = listener == null ? SyncProgress.NONE : listener;
    return this;
  }

  /** The exit code of a report's outcome (DESIGN §5). */
  public static int exitCode(RunReport report) {
    return RunOutcome.Kind.of(report.run().outcome()).exitCode();
  }

  /**
   * Runs once and returns the report (which the caller writes).
   *
   * @throws SyncUsageException when the account key matches no note (exit 2)
   */
  public RunReport run(SyncRequest request) {
    Instant started = clock.instant();
    RunRecorder rec = new RunRecorder(request, started, stateDir, RunRecorder.MAX_ROWS_IN_MEMORY);
    String runId = UUID.randomUUID().toString();
    SyncProgress listener = progress;
    // A dry run of a vault never synced has no state to protect and must not create the folder.
    boolean lockNeeded = !request.dryRun() || Files.isDirectory(stateDir);
    try (SyncLock lock = lockNeeded ? SyncLock.acquire(stateDir, settings.lockWait()) : null;
        StateStore state =
            request.dryRun() ? StateStore.readOnly(stateDir) : StateStore.open(stateDir);
        ProgressScope ignored = new ProgressScope(listener)) {
      RunSetup setup =
          new RunSetup(
              vaultRoot, mapper, crm, settings, clock, scanner, listener, request, state, runId);
      return rec.build(outcome(new SyncRun(setup, rec), rec), crm.usage(), clock.instant());
    }
  }

  /**
   * Runs the steps and turns how they ended into the run's outcome: the one place halts are made.
   */
  private static RunOutcome outcome(SyncRun run, RunRecorder rec) {
    Halt halt;
    try {
      Optional<Halt> stopped = run.execute();
      if (stopped.isEmpty()) {
        return RunOutcome.finished(rec.needsReview());
      }
      halt = stopped.get();
    } catch (ApiBudget.Exhausted e) {
      LOG.warn("{}", e.getMessage());
      halt = e.halt();
    } catch (CrmException e) {
      LOG.error("CRM failure: {}", e.getMessage());
      halt = new CrmFailure(e.getMessage());
    } catch (IOException e) {
      halt = new VaultFailure(e.getMessage());
    }
    return RunOutcome.stopped(halt);
  }

  /** Tells the progress listener that the run ended, however it ended. */
  private record ProgressScope(SyncProgress listener) implements AutoCloseable {
    @Override
    public void close() {
      listener.finished();
    }
  }
}
