package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.crm.ChangePosition;
import com.vaultcrmsync.sync.ApiBudget;
import com.vaultcrmsync.sync.Halt;
import com.vaultcrmsync.sync.RunSetup;
import com.vaultcrmsync.sync.SafetyHalt;
import com.vaultcrmsync.sync.plan.AccountMatch;
import com.vaultcrmsync.sync.plan.EchoFilter;
import com.vaultcrmsync.sync.plan.NoteDigest;
import com.vaultcrmsync.sync.plan.NoteOutcome;
import com.vaultcrmsync.sync.plan.NotePlan;
import com.vaultcrmsync.sync.plan.SafetyCheck;
import com.vaultcrmsync.sync.state.AccountLink;
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

  private final RunParts parts;
  private final long startedMillis;
  private final List<AccountLink> accountChanges;

  /**
   * @param startedMillis when the run started, for the log
   * @param accountChanges where the links to store at the end of the run are added
   */
  ChangedNotes(RunParts parts, long startedMillis, List<AccountLink> accountChanges) {
    this.parts = parts;
    this.startedMillis = startedMillis;
    this.accountChanges = accountChanges;
  }

  /**
   * Matches, pulls, plans, checks and applies the changed notes given. Returns the safety rule that
   * halted the run before it wrote anything, if one did.
   */
  Optional<Halt> sync(List<NoteDigest> changed, RunParts.Start start) {
    PullWindow window = parts.window();
    window.pullBegins(parts.run().clock());
    Map<String, AccountMatch> matches =
        parts.linker().identify(changed, start.links(), window.orgEmpty());
    Map<String, String> allLinks = new LinkedHashMap<>(start.links());
    allLinks.values().removeIf(p -> !start.present().contains(p));
    Set<String> newlyLinked = new HashSet<>();
    for (NoteDigest d : changed) {
      AccountMatch m = matches.get(d.path());
      if (parts.linker().relinked(d, m)) {
        newlyLinked.add(m.accountId());
        allLinks.values().remove(d.path());
        allLinks.put(m.accountId(), d.path());
      }
    }
    CrmPull.Result pulled = pull(changed, matches, allLinks, newlyLinked, start);
    window.pulled(pulled);
    LOG.info("CRM: {} ({} ms)", pulled.summary(), parts.run().clock().millis() - startedMillis);

    Map<String, NotePlan> plans = new LinkedHashMap<>();
    for (NoteDigest d : changed) {
      AccountLink link = parts.run().state().linkByNote(d.path()).orElse(null);
      plans.put(d.path(), parts.planner().planNote(d, matches.get(d.path()), link, pulled));
    }
    Set<String> readPaths = new HashSet<>(plans.keySet());
    Map<String, String> notesLinked = new HashMap<>();
    allLinks.forEach((account, path) -> notesLinked.put(path, account));
    List<NoteOutcome> pulledRows =
        parts
            .planner()
            .planPulled(
                pulled,
                allLinks,
                path ->
                    plans.computeIfAbsent(
                        path,
                        p ->
                            start.present().contains(p)
                                ? parts.planner().planUnchanged(p, notesLinked)
                                : null));
    accountChanges.addAll(parts.planner().pulledAccounts(pulled, readPaths));
    parts.writer().planned(plans.values(), pulledRows);

    List<NotePlan> all = new ArrayList<>(plans.values());
    Optional<SafetyHalt> halt =
        new SafetyCheck(parts.run().settings()).violation(all, start.links().size());
    if (halt.isPresent() && !parts.run().request().force()) {
      LOG.warn("Halted before writing: {}", halt.get().message());
      return Optional.of(halt.get());
    }
    parts.writer().write(all);
    return Optional.empty();
  }

  /** Pulls what the plans need; echoes of the sync's own writes are dropped as they arrive. */
  private CrmPull.Result pull(
      List<NoteDigest> changed,
      Map<String, AccountMatch> matches,
      Map<String, String> allLinks,
      Set<String> newlyLinked,
      RunParts.Start start) {
    RunSetup run = parts.run();
    ApiBudget budget = parts.budget();
    CrmPull.Result pulled =
        new CrmPull.Result(EchoFilter.of(run, allLinks), run.settings().maxPulledChanges());
    if (!parts.scope().whole()) {
      List<String> ids =
          changed.stream()
              .map(d -> matches.get(d.path()))
              .filter(AccountMatch::linked)
              .map(AccountMatch::accountId)
              .toList();
      if (!ids.isEmpty()) {
        budget.require(3, "reading the account's activities");
        parts.pull().forAccounts(ids, true, pulled);
      }
    } else if (start.watermark() != null) {
      budget.require(3, "reading CRM changes");
      parts.pull().since(new ChangePosition(start.watermark(), run.settings().lookback()), pulled);
      if (!newlyLinked.isEmpty()) {
        budget.require(2, "reading the activities of newly linked accounts");
        parts.pull().forAccounts(newlyLinked, false, pulled);
      }
    } else if (!allLinks.isEmpty()) {
      budget.require(2, "reading the activities of linked accounts");
      parts.pull().forAccounts(allLinks.keySet(), false, pulled);
    }
    return pulled;
  }
}
