package com.vaultcrmsync.sync;

import com.vaultcrmsync.crm.CrmException;
import com.vaultcrmsync.crm.CrmGateway;
import com.vaultcrmsync.mapping.RecordMapper;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.vault.NoteFile;
import com.vaultcrmsync.vault.NoteWriter;
import com.vaultcrmsync.vault.ScanProblem;
import com.vaultcrmsync.vault.VaultListing;
import com.vaultcrmsync.vault.VaultScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync run, two ways: read the changed notes, match them to Accounts, pull the CRM changes
 * since the watermark, plan, check the safety rules, write the CRM, write the notes, advance the
 * watermark, and report. Every decision is in {@link SyncPlanner}; every write in {@link
 * PlanApplier}.
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

  /** The exit code of a report's outcome (design §5). */
  public static int exitCode(RunReport report) {
    return switch (report.run().outcome()) {
      case "ok" -> 0;
      case "partial" -> 1;
      default -> 3;
    };
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
    // A dry run of a vault never synced has no state to protect and must not create the folder.
    boolean lockNeeded = !request.dryRun() || Files.isDirectory(stateDir);
    try (SyncLock lock = lockNeeded ? SyncLock.acquire(stateDir, settings.lockWait()) : null;
        StateStore state =
            request.dryRun() ? StateStore.readOnly(stateDir) : StateStore.open(stateDir);
        ProgressScope ignored = new ProgressScope(progress)) {
      try {
        String message = new Run(request, state, rec, runId).execute();
        String outcome = message != null ? "halted" : rec.needsReview() ? "partial" : "ok";
        return rec.build(outcome, message, crm.usage(), clock.instant());
      } catch (ApiBudget.Exhausted e) {
        LOG.warn("{}", e.getMessage());
        return rec.build("halted", e.getMessage(), crm.usage(), clock.instant());
      } catch (CrmException e) {
        LOG.error("CRM failure: {}", e.getMessage());
        String outcome = "halted";
        return rec.build(outcome, "CRM failure: " + e.getMessage(), crm.usage(), clock.instant());
      } catch (IOException e) {
        return rec.build("failed", "vault: " + e.getMessage(), crm.usage(), clock.instant());
      }
    }
  }

  /** The state of one run. */
  private final class Run implements BatchedRun.Steps {
    private final SyncRequest request;
    private final StateStore state;
    private final RunRecorder rec;
    private final String runId;
    private final VaultReader reader = new VaultReader(mapper);
    private final SyncPlanner planner;
    private final LocalDate today;
    private final List<AccountLink> accountChanges = new ArrayList<>();
    private final ApiBudget budget = new ApiBudget(crm, settings);
    private final NoteLinker linker;
    private Instant seed;
    private boolean stampRead;
    private boolean orgEmpty;
    private boolean streamed;
    private Instant pullStart;
    private Instant newestStamp;
    private Instant resumeAt;
    private boolean pullIncomplete;

    /** The state index of notes, read once per run. */
    private Map<String, NoteState> index = Map.of();

    Run(SyncRequest request, StateStore state, RunRecorder rec, String runId) {
      this.request = request;
      this.state = state;
      this.rec = rec;
      this.runId = runId;
      this.planner = new SyncPlanner(state, settings, mapper.mappings(), rec);
      this.linker = new NoteLinker(state, crm, mapper.mappings().account(), budget);
      this.today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
    }

    /** Returns the halt message, or null when the run finished. */
    String execute() throws IOException {
      CrmPull pull = new CrmPull(crm, mapper.mappings());
      Map<String, String> links = state.links();
      boolean noteRun = request.mode() == SyncRequest.Mode.NOTE;
      // A saved note's run reads that note only: its cost must not grow with the vault.
      VaultListing listing =
          noteRun ? scanner.scanNote(vaultRoot, request.key()) : scanner.scan(vaultRoot);
      if (!request.dryRun() && !listing.staleTemps().isEmpty()) {
        // Left by a writer that was killed mid-write; under the lock no writer can still own one.
        int removed = NoteWriter.removeStaleTemps(listing.staleTemps());
        LOG.info("Removed {} temp file(s) left by an interrupted note write", removed);
      }
      for (ScanProblem p : listing.problems()) {
        RunRecorder.NoteRecord n = rec.note(p.relativePath());
        n.action = "skipped";
        n.error(p.reason(), null);
      }
      Set<String> present = new HashSet<>();
      listing.notes().forEach(f -> present.add(f.relativePath()));
      List<NoteFile> scope = scope(listing, links);
      boolean scoped = request.mode() != SyncRequest.Mode.FULL;

      // The state index, read once: a no-op run asks the database nothing per note.
      index = new HashMap<>();
      state.notes().forEach(n -> index.put(n.path(), n));
      if (noteRun) {
        // Not listed, so taken as present as the state knows them (a note run removes nothing).
        index.keySet().forEach(present::add);
      }
      Map<String, String> accountByNote = new HashMap<>();
      links.forEach((account, path) -> accountByNote.put(path, account));
      Instant watermark = state.watermark().orElse(null);
      // A first load (no watermark yet) reads the org's newest Account stamp once a note is known
      // to change; in an empty org its notes go through in batches (see firstStamp).
      boolean firstLoad = !scoped && watermark == null;
      List<NoteDigest> changed = new ArrayList<>();
      List<NoteFile> changedFiles = new ArrayList<>();
      List<NoteState> touched = new ArrayList<>();
      BatchedRun batched = null;
      int read = 0;
      int batches = 0;
      for (NoteFile f : scope) {
        progress.update("reading notes", read++, scope.size());
        var known = Optional.ofNullable(index.get(f.relativePath()));
        VaultReader.Result result = reader.read(f, known, scoped);
        if (result instanceof VaultReader.Unchanged u) {
          if (u.known().selected()) {
            unchangedNote(u.known(), accountByNote.get(u.known().path()));
          }
          if (u.touched()) {
            NoteState k = u.known();
            touched.add(
                new NoteState(
                    k.path(),
                    u.size(),
                    u.mtime(),
                    k.contentHash(),
                    k.selected(),
                    k.title(),
                    k.aliases()));
          }
        } else if (result instanceof VaultReader.NotSelected n) {
          touched.add(n.state());
        } else if (result instanceof VaultReader.Changed c) {
          changed.add(c.digest());
          changedFiles.add(f);
          rec.notesSeen++;
          if (firstLoad && !stampRead) {
            firstStamp(budget, pull, links);
          }
          if (streamed && changed.size() >= settings.batchNotes()) {
            String halt = apply(changed, links, present, watermark, budget, pull);
            if (halt != null) {
              return halt;
            }
            changed.clear();
            batches++;
          } else if (!scoped && changed.size() >= settings.batchNotes()) {
            // More changed notes than one batch: count what the safety rules judge, batch by
            // batch, and write in a second pass that reads each note again.
            if (batched == null) {
              pullStart = clock.instant();
              batched =
                  new BatchedRun(
                      this,
                      state,
                      settings,
                      planner,
                      this::echoFilter,
                      pull,
                      budget,
                      links,
                      present,
                      watermark);
            }
            batched.count(changed);
            changed.clear();
          }
        } else if (result instanceof VaultReader.Broken b) {
          broken(b);
        }
      }

      LOG.info(
          "Read the vault: {} notes listed, {} parsed, {} read whose content had not changed ({} ms)",
          scope.size(),
          reader.parsed(),
          reader.hashed() - reader.parsed(),
          clock.millis() - rec.startedMillis());
      if (firstLoad && !stampRead) {
        firstStamp(budget, pull, links);
      }
      if (batched != null) {
        if (!changed.isEmpty()) {
          batched.count(changed);
          changed.clear();
        }
        newestStamp = latest(newestStamp, batched.pulled().newestStamp);
        resumeAt = batched.pulled().resumeAt;
        String halt = batched.write(changedFiles, request.force(), accountChanges);
        if (halt != null) {
          return halt;
        }
      } else if (!changed.isEmpty() || batches == 0) {
        String halt = apply(changed, links, present, watermark, budget, pull);
        if (halt != null) {
          return halt;
        }
      }
      if (request.dryRun()) {
        return null;
      }
      state.batched(
          500,
          () -> {
            touched.forEach(state::putNote);
            accountChanges.forEach(state::putLink);
            for (NoteState gone : index.values()) {
              if (!present.contains(gone.path()) && !scoped) {
                vanished(gone, links);
                state.removeNote(gone.path());
              }
            }
          });
      if (!scoped && !pullIncomplete) {
        // Past a quiet spell the watermark still moves to when this pull began, so that the next
        // run does not read the lookback window before the newest change again and again (the
        // lookback covers clock skew and late commits around that instant, as around any other).
        // An empty org thus starts from this run's start, with no extra call after the writes.
        Instant next = latest(latest(latest(watermark, newestStamp), seed), pullStart);
        if (resumeAt != null) {
          // More CRM changes than one run applies (sync.pull.max-changes): the next run
          // resumes at the first one left, even if that is before this run's watermark.
          next = resumeAt;
        }
        if (next != null && !next.equals(watermark)) {
          state.putWatermark(next);
          state.audit(
              runId, "state", "watermark", "pull", String.valueOf(watermark), next.toString());
        }
      }
      return null;
    }

    /**
     * Reads the org's newest Account stamp, the first watermark. An empty org (a first load) gets
     * no query to match notes by name, and when nothing was linked before, no note's plan depends
     * on another's and the safety rules (overwrites of linked accounts, deletes of known
     * activities) have nothing to count: its notes then go through in batches, so that memory does
     * not grow with the vault.
     */
    private void firstStamp(ApiBudget budget, CrmPull pull, Map<String, String> links) {
      budget.require(1, "reading the first watermark");
      seed = pull.newestAccountStamp();
      stampRead = true;
      orgEmpty = seed == null;
      streamed = orgEmpty && links.isEmpty() && !request.dryRun();
    }

    /**
     * Matches, pulls, plans, checks and applies the changed notes given (all of a run's, or one
     * batch of a streamed first load). Returns the halt message, or null.
     */
    private String apply(
        List<NoteDigest> changed,
        Map<String, String> links,
        Set<String> present,
        Instant watermark,
        ApiBudget budget,
        CrmPull pull) {
      boolean scoped = request.mode() != SyncRequest.Mode.FULL;
      if (pullStart == null) {
        pullStart = clock.instant();
      }
      Map<String, AccountMatch> matches = linker.identify(changed, links, orgEmpty);
      Map<String, String> allLinks = new LinkedHashMap<>(links);
      allLinks.values().removeIf(p -> !present.contains(p));
      Set<String> newlyLinked = new HashSet<>();
      for (NoteDigest d : changed) {
        AccountMatch m = matches.get(d.path());
        if (relinked(d, m)) {
          newlyLinked.add(m.accountId());
          allLinks.values().remove(d.path());
          allLinks.put(m.accountId(), d.path());
        }
      }

      // Echoes of the sync's own writes are dropped as they arrive: never held, never planned.
      CrmPull.Result pulled = new CrmPull.Result(echoFilter(allLinks), settings.maxPulledChanges());
      if (scoped) {
        List<String> ids =
            changed.stream()
                .map(d -> matches.get(d.path()))
                .filter(AccountMatch::linked)
                .map(AccountMatch::accountId)
                .toList();
        if (!ids.isEmpty()) {
          budget.require(3, "reading the account's activities");
          pull.forAccounts(ids, true, pulled);
        }
      } else if (watermark != null) {
        budget.require(3, "reading CRM changes");
        pull.since(watermark.minus(settings.lookback()), pulled);
        if (!newlyLinked.isEmpty()) {
          budget.require(2, "reading the activities of newly linked accounts");
          pull.forAccounts(newlyLinked, false, pulled);
        }
      } else {
        if (!allLinks.isEmpty()) {
          budget.require(2, "reading the activities of linked accounts");
          pull.forAccounts(allLinks.keySet(), false, pulled);
        }
      }
      newestStamp = latest(newestStamp, pulled.newestStamp);
      if (pulled.resumeAt != null && (resumeAt == null || pulled.resumeAt.isBefore(resumeAt))) {
        resumeAt = pulled.resumeAt;
      }

      LOG.info("CRM: {} ({} ms)", pulled.summary(), clock.millis() - rec.startedMillis());
      Map<String, NotePlan> plans = new LinkedHashMap<>();
      for (NoteDigest d : changed) {
        AccountLink link = state.linkByNote(d.path()).orElse(null);
        plans.put(d.path(), planner.planNote(d, matches.get(d.path()), link, pulled));
      }
      Set<String> readPaths = new HashSet<>(plans.keySet());
      Map<String, String> notesLinked = new HashMap<>();
      allLinks.forEach((account, path) -> notesLinked.put(path, account));
      planner.planPulled(
          pulled,
          allLinks,
          path ->
              plans.computeIfAbsent(
                  path, p -> present.contains(p) ? unchangedPlan(p, notesLinked) : null));
      accountChanges.addAll(planner.pulledAccounts(pulled, readPaths));

      List<NotePlan> all = new ArrayList<>(plans.values());
      String halt = new SafetyCheck(settings).violation(all, links.size());
      if (halt != null && !request.force()) {
        LOG.warn("Halted before writing: {}", halt);
        return halt;
      }
      write(all);
      return null;
    }

    @Override
    public NoteDigest readAgain(NoteFile f) throws IOException {
      VaultReader.Result result =
          reader.read(f, Optional.ofNullable(index.get(f.relativePath())), false);
      if (result instanceof VaultReader.Changed c) {
        return c.digest();
      }
      if (result instanceof VaultReader.Broken b) {
        broken(b);
      }
      return null;
    }

    /** A planner whose report is thrown away: the counting pass records nothing. */
    @Override
    public SyncPlanner countingPlanner() {
      return new SyncPlanner(
          state, settings, mapper.mappings(), new RunRecorder(request, clock.instant()));
    }

    @Override
    public boolean relinked(NoteDigest d, AccountMatch m) {
      return linker.relinked(d, m);
    }

    private EchoFilter echoFilter(Map<String, String> links) {
      return new EchoFilter(state, settings, mapper.mappings(), links);
    }

    @Override
    public void write(List<NotePlan> all) {
      PlanApplier applier =
          new PlanApplier(
              crm,
              state,
              budget,
              mapper.mappings(),
              settings,
              rec,
              new NoteUpdater(vaultRoot, mapper.mappings().account().idProperty()),
              runId,
              request.dryRun(),
              today);
      progress.update("writing to the CRM", 0, all.size());
      applier.applyCrm(all);
      progress.update("writing notes", 0, all.size());
      applier.applyNotes(all);
      progress.update("writing notes", all.size(), all.size());
      if (all.stream().anyMatch(p -> p.pullIncomplete)) {
        pullIncomplete = true;
      }
    }

    private void broken(VaultReader.Broken b) {
      RunRecorder.NoteRecord n = rec.note(b.path());
      n.title = b.title();
      n.action = "skipped";
      b.errors().forEach(p -> n.error(p.message(), p.line() == 0 ? null : p.line()));
    }

    @Override
    public Map<String, AccountMatch> identify(List<NoteDigest> batch, Map<String, String> claimed) {
      return linker.identify(batch, claimed, orgEmpty);
    }

    private void unchangedNote(NoteState known, String accountId) {
      rec.notesSeen++;
      if (accountId == null) {
        return;
      }
      RunRecorder.NoteRecord n = rec.note(known.path());
      n.title = known.title();
      n.match = AccountMatch.Kind.ID.label();
      n.crmId = accountId;
      n.action = "unchanged";
      rec.accountsUnchanged++;
    }

    /**
     * Reports a note that left the vault since the last run: moved (its Account is now linked to
     * the note's new path, found by its id property) or deleted. Nothing is deleted in the CRM.
     */
    private void vanished(NoteState gone, Map<String, String> linksBefore) {
      String accountId =
          linksBefore.entrySet().stream()
              .filter(e -> e.getValue().equals(gone.path()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      if (!gone.selected() && accountId == null) {
        return;
      }
      RunRecorder.NoteRecord n = rec.note(gone.path());
      n.title = gone.title();
      n.crmId = accountId;
      String now = accountId == null ? null : state.links().get(accountId);
      if (now != null && !now.equals(gone.path())) {
        n.action = "moved";
        n.reason = "moved to " + now + "; still linked to Account " + accountId;
      } else {
        n.action = "deleted";
        n.reason =
            accountId == null
                ? "the note is no longer in the vault"
                : "the note is no longer in the vault; Account "
                    + accountId
                    + " and its activities stay in the CRM (deletes are not propagated)";
      }
    }

    @Override
    public NotePlan unchangedPlan(String path, Map<String, String> accountByNote) {
      NoteState known = state.note(path).orElse(null);
      String accountId = accountByNote.get(path);
      if (known == null || accountId == null) {
        return null;
      }
      NotePlan plan = new NotePlan(path, known.title(), null);
      plan.match = new AccountMatch(AccountMatch.Kind.ID, accountId, "linked");
      plan.accountId = accountId;
      plan.linkedBefore = true;
      return plan;
    }

    private List<NoteFile> scope(VaultListing listing, Map<String, String> links)
        throws IOException {
      if (request.mode() == SyncRequest.Mode.FULL) {
        return listing.notes();
      }
      String path =
          new ScopeResolver(vaultRoot, state, mapper).resolve(request.key(), listing, links);
      return listing.notes().stream().filter(f -> f.relativePath().equals(path)).toList();
    }
  }

  /** Tells the progress listener that the run ended, however it ended. */
  private record ProgressScope(SyncProgress listener) implements AutoCloseable {
    @Override
    public void close() {
      listener.finished();
    }
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
