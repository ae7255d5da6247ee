package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.sync.plan.AccountMatch;
import com.vaultcrmsync.sync.plan.NoteDigest;
import com.vaultcrmsync.sync.plan.NotePlan;
import com.vaultcrmsync.sync.plan.SafetyCheck;
import com.vaultcrmsync.sync.plan.SyncPlanner;
import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs a set of changed notes (all of a run's, or one batch of a streamed first load): matches
 * them to Accounts, pulls the CRM changes (of the request's Account for a note or account run, else
 * since the watermark, or of the linked Accounts on a first load), plans, checks the safety rules
 * and, unless they halt the run, writes. Account links changed in the CRM are collected for the run
 * to store at its end.
 */
final class ChangedNotes {
  // Logged as the engine's steps, as they always were.
  private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

  private final RunSetup run;
  private final SyncRequest request;
  private final SyncSettings settings;
  private final Clock clock;
  private final StateStore state;
  private final RunRecorder rec;
  private final NoteLinker linker;
  private final SyncPlanner planner;
  private final ApiBudget budget;
  private final PullWindow window;
  private final List<AccountLink> accountChanges;
  private final BatchedRun.Steps steps;

  /**
   * @param accountChanges where the links to store at the end of the run are added
   * @param steps the run's plans of unchanged notes and its writes
   */
  ChangedNotes(
      RunSetup run,
      NoteLinker linker,
      SyncPlanner planner,
      ApiBudget budget,
      PullWindow window,
      List<AccountLink> accountChanges,
      BatchedRun.Steps steps) {
    this.run = run;
    this.request = run.request();
    this.settings = run.settings();
    this.clock = run.clock();
    this.state = run.state();
    this.rec = run.rec();
    this.linker = linker;
    this.planner = planner;
    this.budget = budget;
    this.window = window;
    this.accountChanges = accountChanges;
    this.steps = steps;
  }

  /**
   * Matches, pulls, plans, checks and applies the changed notes given. Returns the safety rule that
   * halted the run before it wrote anything, if one did.
   *
   * @param links account id to note path, as the state had them when the run began
   * @param present the paths of the notes in the vault
   * @param watermark the state's watermark, or null before the first full run
   */
  Optional<Halt> sync(
      List<NoteDigest> changed,
      Map<String, String> links,
      Set<String> present,
      Instant watermark,
      CrmPull pull) {
    boolean scoped = request.mode() != SyncRequest.Mode.FULL;
    window.pullBegins(clock);
    Map<String, AccountMatch> matches = linker.identify(changed, links, window.orgEmpty());
    Map<String, String> allLinks = new LinkedHashMap<>(links);
    allLinks.values().removeIf(p -> !present.contains(p));
    Set<String> newlyLinked = new HashSet<>();
    for (NoteDigest d : changed) {
      AccountMatch m = matches.get(d.path());
      if (linker.relinked(d, m)) {
        newlyLinked.add(m.accountId());
        allLinks.values().remove(d.path());
        allLinks.put(m.accountId(), d.path());
      }
    }

    // Echoes of the sync's own writes are dropped as they arrive: never held, never planned.
    CrmPull.Result pulled =
        new CrmPull.Result(run.echoFilter(allLinks), settings.maxPulledChanges());
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
    window.pulled(pulled);

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
                path, p -> present.contains(p) ? steps.unchangedPlan(p, notesLinked) : null));
    accountChanges.addAll(planner.pulledAccounts(pulled, readPaths));

    List<NotePlan> all = new ArrayList<>(plans.values());
    Optional<SafetyHalt> halt = new SafetyCheck(settings).violation(all, links.size());
    if (halt.isPresent() && !request.force()) {
      LOG.warn("Halted before writing: {}", halt.get().message());
      return Optional.of(halt.get());
    }
    steps.write(all);
    return Optional.empty();
  }
}
