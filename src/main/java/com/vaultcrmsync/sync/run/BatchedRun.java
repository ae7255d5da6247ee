package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.crm.ChangePosition;
import com.vaultcrmsync.sync.ApiBudget;
import com.vaultcrmsync.sync.Halt;
import com.vaultcrmsync.sync.SafetyHalt;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.plan.AccountMatch;
import com.vaultcrmsync.sync.plan.EchoFilter;
import com.vaultcrmsync.sync.plan.NoteDigest;
import com.vaultcrmsync.sync.plan.NoteOutcome;
import com.vaultcrmsync.sync.plan.NotePlan;
import com.vaultcrmsync.sync.plan.SafetyCheck;
import com.vaultcrmsync.sync.plan.SyncPlanner;
import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.NoteState;
import com.vaultcrmsync.sync.state.StateStore;
import com.vaultcrmsync.vault.NoteFile;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run of more changed notes than one batch ({@code sync.first-load.batch-notes}), in two passes
 * so that memory holds one batch of notes whatever the vault's size, while the safety rules still
 * judge the whole run before anything is written. The counting pass matches each batch, pulls what
 * it needs, plans it (the rows planning returns for the report are dropped) and adds up the totals;
 * it keeps only how each note matched, the links as the run leaves them and the CRM changes kept
 * from the pull (echoes are never held). Unless a rule halts the run, the writing pass reads each
 * batch again, plans it and writes it; then the kept CRM changes of notes that did not change.
 */
final class BatchedRun {
  private static final Logger LOG = LoggerFactory.getLogger(BatchedRun.class);

  private final RunParts parts;
  private final StateStore state;
  private final SyncSettings settings;
  private final SyncPlanner planner;
  private final CrmPull pull;
  private final ApiBudget budget;
  private final Instant watermark;
  private final Set<String> present;
  private final int linkedBefore;
  private final VaultReader reader;
  private final Map<String, NoteState> index;
  private final UnplannedNotes unplanned;

  /** How each changed note matched (compact: kind, id, reason), and the changed notes. */
  private final Map<String, AccountMatch> matches = new HashMap<>();

  private final Set<String> changedPaths = new HashSet<>();

  /** Account id to note path: the present links, with those this run makes. */
  private final Map<String, String> allLinks;

  /** Accounts linked to a note, before or by this run: not candidates for a match by name. */
  private final Map<String, String> claimed;

  /** The CRM changes kept from the pull, planned with the batch of their note. */
  private final CrmPull.Result pulled;

  private boolean pulledOnce;
  private SafetyCheck.Totals totals = SafetyCheck.Totals.NONE;

  /**
   * @param start the links, present notes and watermark as the run began
   * @param reader reads each changed note again in the writing pass
   * @param index the state's notes, by path, as the run began
   * @param unplanned reports a note that can no longer be read
   */
  BatchedRun(
      RunParts parts,
      RunParts.Start start,
      VaultReader reader,
      Map<String, NoteState> index,
      UnplannedNotes unplanned) {
    this.parts = parts;
    this.state = parts.run().state();
    this.settings = parts.run().settings();
    this.planner = parts.planner();
    this.pull = parts.pull();
    this.budget = parts.budget();
    this.watermark = start.watermark();
    this.present = start.present();
    this.reader = reader;
    this.index = index;
    this.unplanned = unplanned;
    Map<String, String> links = start.links();
    this.linkedBefore = links.size();
    this.allLinks = new LinkedHashMap<>(links);
    allLinks.values().removeIf(p -> !present.contains(p));
    this.claimed = new HashMap<>(links);
    // The filter reads the links as they grow: activities of accounts linked later are read
    // again by their own query.
    this.pulled =
        new CrmPull.Result(EchoFilter.of(parts.run(), allLinks), settings.maxPulledChanges());
  }

  /** What the run's pull read and kept. */
  CrmPull.Result pulled() {
    return pulled;
  }

  /**
   * The counting pass over one batch: matches its notes, pulls what it needs (the changes since the
   * watermark once, the activities of accounts it newly links), plans it and adds up what the
   * safety rules judge. It writes nothing.
   */
  void count(List<NoteDigest> batch) {
    Map<String, AccountMatch> batchMatches =
        parts.linker().identify(batch, claimed, parts.window().orgEmpty());
    List<String> newlyLinked = new ArrayList<>();
    for (NoteDigest d : batch) {
      AccountMatch m = batchMatches.get(d.path());
      matches.put(d.path(), m);
      changedPaths.add(d.path());
      if (parts.linker().relinked(d, m)) {
        newlyLinked.add(m.accountId());
        allLinks.values().remove(d.path());
        allLinks.put(m.accountId(), d.path());
        claimed.put(m.accountId(), d.path());
      }
    }
    if (!pulledOnce) {
      pulledOnce = true;
      if (watermark != null) {
        budget.require(3, "reading CRM changes");
        pull.since(new ChangePosition(watermark, settings.lookback()), pulled);
      } else {
        Set<String> before = new LinkedHashSet<>(allLinks.keySet());
        newlyLinked.forEach(before::remove);
        if (!before.isEmpty()) {
          budget.require(2, "reading the activities of linked accounts");
          pull.forAccounts(before, false, pulled);
        }
      }
    }
    if (!newlyLinked.isEmpty()) {
      budget.require(2, "reading the activities of newly linked accounts");
      pull.forAccounts(newlyLinked, false, pulled);
    }
    // Counted only: what planning decides for the report is left to the writing pass.
    Map<String, NotePlan> plans = new LinkedHashMap<>();
    for (NoteDigest d : batch) {
      AccountLink link = state.linkByNote(d.path()).orElse(null);
      plans.put(d.path(), planner.planNote(d, batchMatches.get(d.path()), link, pulled));
    }
    planner.planPulled(pulled.activitiesOf(plans.keySet()), allLinks, plans::get);
    totals = totals.plus(new SafetyCheck(settings).count(plans.values()));
  }

  /**
   * Counts the kept CRM changes of notes that did not change, checks the safety rules on the whole
   * run's totals (a halted run has written nothing), then plans and writes batch by batch.
   *
   * @param changedFiles the changed notes, in the order they were counted
   * @param force go on when a safety rule would halt the run
   * @return the safety rule that halted the run, if one did
   */
  Optional<Halt> write(List<NoteFile> changedFiles, boolean force, List<AccountLink> accountChanges)
      throws IOException {
    LOG.info("CRM: {}", pulled.summary());
    Map<String, String> notesLinked = new HashMap<>();
    allLinks.forEach((account, path) -> notesLinked.put(path, account));
    List<List<String>> others = batches(new ArrayList<>(pulled.notesBesides(changedPaths)));
    for (List<String> paths : others) {
      Map<String, NotePlan> counted = new LinkedHashMap<>();
      planOthers(paths, notesLinked, counted);
      totals = totals.plus(new SafetyCheck(settings).count(counted.values()));
    }
    Optional<SafetyHalt> halt = new SafetyCheck(settings).violation(totals, linkedBefore);
    if (halt.isPresent() && !force) {
      LOG.warn("Halted before writing: {}", halt.get().message());
      return Optional.of(halt.get());
    }
    int written = 0;
    for (List<NoteFile> files : batches(changedFiles)) {
      Map<String, NotePlan> plans = new LinkedHashMap<>();
      for (NoteFile f : files) {
        NoteDigest d = readAgain(f);
        if (d != null) {
          AccountLink link = state.linkByNote(d.path()).orElse(null);
          plans.put(d.path(), planner.planNote(d, matches.get(d.path()), link, pulled));
        }
      }
      List<NoteOutcome> rows =
          planner.planPulled(pulled.activitiesOf(plans.keySet()), allLinks, plans::get);
      parts.writer().planned(plans.values(), rows);
      parts.writer().write(new ArrayList<>(plans.values()));
      written++;
    }
    for (List<String> paths : others) {
      Map<String, NotePlan> plans = new LinkedHashMap<>();
      parts.writer().planned(plans.values(), planOthers(paths, notesLinked, plans));
      parts.writer().write(new ArrayList<>(plans.values()));
      written++;
    }
    accountChanges.addAll(planner.pulledAccounts(pulled, changedPaths));
    LOG.info(
        "Planned and wrote {} changed notes and {} others in {} batches of at most {} notes,"
            + " after a counting pass",
        changedFiles.size(),
        others.stream().mapToInt(List::size).sum(),
        written,
        settings.batchNotes());
    return Optional.empty();
  }

  /**
   * Plans the kept CRM changes of notes that did not change this run into {@code plans}; returns
   * what the report says of them.
   */
  private List<NoteOutcome> planOthers(
      List<String> paths, Map<String, String> notesLinked, Map<String, NotePlan> plans) {
    return planner.planPulled(
        pulled.activitiesOf(new HashSet<>(paths)),
        allLinks,
        path ->
            plans.computeIfAbsent(
                path, p -> present.contains(p) ? planner.planUnchanged(p, notesLinked) : null));
  }

  /** A changed note read again, or null when it is no longer a changed, readable note. */
  private NoteDigest readAgain(NoteFile f) throws IOException {
    VaultReader.Result result =
        reader.read(f, Optional.ofNullable(index.get(f.relativePath())), false);
    if (result instanceof VaultReader.Changed c) {
      return c.digest();
    }
    if (result instanceof VaultReader.Broken b) {
      parts.writer().report(unplanned.broken(b));
    }
    return null;
  }

  private <T> List<List<T>> batches(List<T> all) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += settings.batchNotes()) {
      out.add(all.subList(i, Math.min(all.size(), i + settings.batchNotes())));
    }
    return out;
  }
}
