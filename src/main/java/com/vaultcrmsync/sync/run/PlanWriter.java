package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.sync.ApiBudget;
import com.vaultcrmsync.sync.RunSetup;
import com.vaultcrmsync.sync.SyncProgress;
import com.vaultcrmsync.sync.apply.PlanApplier;
import com.vaultcrmsync.sync.apply.WritesAborted;
import com.vaultcrmsync.sync.plan.NoteOutcome;
import com.vaultcrmsync.sync.plan.NotePlan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * The run's one door to its report: folds what the planners decided and what the appliers did into
 * the {@link RunRecorder}, in the order they return it, and writes planned batches (the CRM first,
 * then the notes). A write step that stops part-way still has what it did reported before its
 * failure goes on to the engine.
 */
final class PlanWriter {
  private final RunSetup run;
  private final RunRecorder rec;
  private final ApiBudget budget;
  private final PullWindow window;
  private final LocalDate today;

  PlanWriter(RunSetup run, RunRecorder rec, ApiBudget budget, PullWindow window) {
    this.run = run;
    this.rec = rec;
    this.budget = budget;
    this.window = window;
    this.today = LocalDate.ofInstant(run.clock().instant(), ZoneId.systemDefault());
  }

  /** Folds outcomes of a step into the report. */
  void report(Iterable<? extends NoteOutcome> outcomes) {
    rec.fold(outcomes);
  }

  /** Folds what planning decided: each plan's rows, then those of the pulled activities. */
  void planned(Collection<NotePlan> plans, List<NoteOutcome> pulled) {
    plans.forEach(p -> rec.fold(p.outcomes()));
    rec.fold(pulled);
  }

  /** Writes plans: the CRM first, then the notes; folds what each step did. */
  void write(List<NotePlan> all) {
    PlanApplier applier = new PlanApplier(run, budget, today);
    SyncProgress progress = run.progress();
    progress.update("writing to the CRM", 0, all.size());
    try {
      rec.fold(applier.applyCrm(all));
    } catch (WritesAborted e) {
      rec.fold(e.done());
      throw e.failure();
    }
    progress.update("writing notes", 0, all.size());
    rec.fold(applier.applyNotes(all));
    progress.update("writing notes", all.size(), all.size());
    if (all.stream().anyMatch(p -> p.pullIncomplete)) {
      window.incomplete();
    }
  }
}
