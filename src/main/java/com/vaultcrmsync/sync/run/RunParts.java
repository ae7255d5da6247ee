package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.sync.ApiBudget;
import com.vaultcrmsync.sync.RunSetup;
import com.vaultcrmsync.sync.link.NoteLinker;
import com.vaultcrmsync.sync.plan.SyncPlanner;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The collaborators a run's steps share, made once by {@link SyncRun}.
 *
 * @param run the run's configuration, request and state
 * @param scope what the run covers
 * @param pull the CRM reads
 * @param window where the pulls start and end
 * @param writer the report and the writes
 */
record RunParts(
    RunSetup run,
    RunScope scope,
    SyncPlanner planner,
    NoteLinker linker,
    ApiBudget budget,
    CrmPull pull,
    PullWindow window,
    PlanWriter writer) {

  /**
   * What the run knew when it began.
   *
   * @param links account id to note path, as stored
   * @param present the paths of the notes in the vault
   * @param watermark the pull watermark, or null before the first full run
   */
  record Start(Map<String, String> links, Set<String> present, Instant watermark) {}
}
