package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.crm.CrmGateway;
import com.vaultcrmsync.mapping.RecordMapper;
import com.vaultcrmsync.sync.apply.NoteUpdater;
import com.vaultcrmsync.sync.apply.PlanApplier;
import com.vaultcrmsync.sync.plan.AccountMatch;
import com.vaultcrmsync.sync.plan.NoteDigest;
import com.vaultcrmsync.sync.plan.NotePlan;
import com.vaultcrmsync.sync.plan.SyncPlanner;
import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.NoteState;
import com.vaultcrmsync.sync.state.StateStore;
import com.vaultcrmsync.vault.NoteFile;
import com.vaultcrmsync.vault.ScanProblem;
import com.vaultcrmsync.vault.VaultListing;
import com.vaultcrmsync.vault.VaultScanner;
import com.vaultcrmsync.vault.edit.NoteWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one run, under the lock the engine holds: list the vault (the whole vault, or one
 * note for a note run), read each note against the state index, sync the changed notes ({@link
 * ChangedNotes}, or a {@link BatchedRun} when they are more than one batch), then store the touched
 * notes, the collected links and the notes that left the vault, and advance the watermark ({@link
 * PullWindow}). A note or account run changes only its note and never moves the watermark.
 */
final class SyncRun implements BatchedRun.Steps {
  // Logged as the engine's steps, as they always were.
  private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

  private final RunSetup run;
  private final Path vaultRoot;
  private final RecordMapper mapper;
  private final CrmGateway crm;
  private final SyncSettings settings;
  private final Clock clock;
  private final VaultScanner scanner;
  private final SyncProgress progress;
  private final SyncRequest request;
  private final StateStore state;
  private final RunRecorder rec;
  private final String runId;
  private final VaultReader reader;
  private final SyncPlanner planner;
  private final LocalDate today;
  private final List<AccountLink> accountChanges = new ArrayList<>();
  private final ApiBudget budget;
  private final NoteLinker linker;
  private final PullWindow window = new PullWindow();
  private final UnplannedNotes unplanned;
  private final ChangedNotes changes;

  /** The state index of notes, read once per run. */
  private Map<String, NoteState> index = Map.of();

  SyncRun(RunSetup run) {
    this.run = run;
    this.vaultRoot = run.vaultRoot();
    this.mapper = run.mapper();
    this.crm = run.crm();
    this.settings = run.settings();
    this.clock = run.clock();
    this.scanner = run.scanner();
    this.progress = run.progress();
    this.request = run.request();
    this.state = run.state();
    this.rec = run.rec();
    this.runId = run.runId();
    this.reader = new VaultReader(mapper);
    this.budget = new ApiBudget(crm, settings);
    this.planner = new SyncPlanner(state, settings, mapper.mappings(), rec);
    this.linker = new NoteLinker(state, crm, mapper.mappings().account(), budget);
    this.today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
    this.unplanned = new UnplannedNotes(state, rec);
    this.changes = new ChangedNotes(run, linker, planner, budget, window, accountChanges, this);
  }

  /** Returns the halt message, or null when the run finished. */
  String execute() throws IOException {
    CrmPull pull = new CrmPull(crm, mapper.mappings(), state);
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
      unplanned.unlisted(p);
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
    // to change; in an empty org its notes go through in batches (see PullWindow).
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
          unplanned.unchanged(u.known(), accountByNote.get(u.known().path()));
        }
        if (u.touched()) {
          touched.add(u.known().withFile(u.size(), u.mtime()));
        }
      } else if (result instanceof VaultReader.NotSelected n) {
        touched.add(n.state());
      } else if (result instanceof VaultReader.Changed c) {
        changed.add(c.digest());
        changedFiles.add(f);
        rec.notesSeen++;
        if (firstLoad && !window.stampRead()) {
          window.readFirstStamp(budget, pull, links.isEmpty(), request.dryRun());
        }
        if (window.streamed() && changed.size() >= settings.batchNotes()) {
          String halt = changes.sync(changed, links, present, watermark, pull);
          if (halt != null) {
            return halt;
          }
          changed.clear();
          batches++;
        } else if (!scoped && changed.size() >= settings.batchNotes()) {
          // More changed notes than one batch: count what the safety rules judge, batch by
          // batch, and write in a second pass that reads each note again.
          if (batched == null) {
            window.batchedPullBegins(clock.instant());
            batched =
                new BatchedRun(
                    this,
                    state,
                    settings,
                    planner,
                    run::echoFilter,
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
        unplanned.broken(b);
      }
    }

    LOG.info(
        "Read the vault: {} notes listed, {} parsed, {} read whose content had not changed ({} ms)",
        scope.size(),
        reader.parsed(),
        reader.hashed() - reader.parsed(),
        clock.millis() - rec.startedMillis());
    if (firstLoad && !window.stampRead()) {
      window.readFirstStamp(budget, pull, links.isEmpty(), request.dryRun());
    }
    if (batched != null) {
      if (!changed.isEmpty()) {
        batched.count(changed);
        changed.clear();
      }
      window.batchedPulled(batched.pulled());
      String halt = batched.write(changedFiles, request.force(), accountChanges);
      if (halt != null) {
        return halt;
      }
    } else if (!changed.isEmpty() || batches == 0) {
      String halt = changes.sync(changed, links, present, watermark, pull);
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
              unplanned.vanished(gone, links);
              state.removeNote(gone.path());
            }
          }
        });
    if (!scoped) {
      window.advance(state, runId, watermark);
    }
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
      unplanned.broken(b);
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

  @Override
  public void write(List<NotePlan> all) {
    PlanApplier applier =
        new PlanApplier(
            run,
            budget,
            new NoteUpdater(vaultRoot, mapper.mappings().account().idProperty()),
            today);
    progress.update("writing to the CRM", 0, all.size());
    applier.applyCrm(all);
    progress.update("writing notes", 0, all.size());
    applier.applyNotes(all);
    progress.update("writing notes", all.size(), all.size());
    if (all.stream().anyMatch(p -> p.pullIncomplete)) {
      window.incomplete();
    }
  }

  @Override
  public Map<String, AccountMatch> identify(List<NoteDigest> batch, Map<String, String> claimed) {
    return linker.identify(batch, claimed, window.orgEmpty());
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

  private List<NoteFile> scope(VaultListing listing, Map<String, String> links) throws IOException {
    if (request.mode() == SyncRequest.Mode.FULL) {
      return listing.notes();
    }
    String path =
        new ScopeResolver(vaultRoot, state, mapper).resolve(request.key(), listing, links);
    return listing.notes().stream().filter(f -> f.relativePath().equals(path)).toList();
  }
}
