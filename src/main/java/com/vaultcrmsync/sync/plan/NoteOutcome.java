package com.vaultcrmsync.sync.plan;

import com.vaultcrmsync.report.RunReport;

/**
 * What a step decided or did for one note, as the run report shows it: planners and appliers return
 * these and only the run folds them into its report, in the order they were returned.
 */
public sealed interface NoteOutcome {
  /** The note, relative to the vault. */
  String path();

  /** The run totals that count notes and records without a row of their own. */
  enum Tally {
    NOTES_SEEN,
    ACCOUNTS_UNCHANGED,
    ACTIVITIES_CREATED,
    ACTIVITIES_UPDATED,
    ACTIVITIES_UNCHANGED,
    ENTRIES_SKIPPED
  }

  /** Counts one in a run total; the note gets no row for it. */
  record Counted(String path, Tally tally) implements NoteOutcome {}

  /** A read note's title and how it matched its Account. */
  record Matched(String path, String title, AccountMatch match) implements NoteOutcome {}

  /**
   * The note's action, and its title when known.
   *
   * @param title the title, or null to leave it as it is
   */
  record Acted(String path, String title, String action) implements NoteOutcome {}

  /**
   * A note that got no plan: unchanged since the last sync, moved or deleted.
   *
   * @param match the match label, or null to leave it
   * @param reason why, or null to leave it
   */
  record Described(
      String path, String title, String match, String crmId, String action, String reason)
      implements NoteOutcome {}

  /** The note's Account was created or updated (counted in the totals). */
  record AccountWritten(String path, String accountId, boolean created) implements NoteOutcome {}

  /** One entry row. */
  record Entry(String path, RunReport.EntryReport entry) implements NoteOutcome {
    public Entry(String path, Integer line, String key, String crmId, String action, String why) {
      this(path, new RunReport.EntryReport(line, key, crmId, action, why));
    }
  }

  /** An error of the note: the run then ends {@code partial}. */
  record Problem(String path, RunReport.Problem problem) implements NoteOutcome {
    public Problem(String path, String message, Integer line) {
      this(path, new RunReport.Problem(message, line));
    }
  }

  /**
   * A record changed on both sides.
   *
   * @param unresolved only reported (policy {@code report}): the run then ends {@code partial}
   */
  record Conflict(String path, RunReport.Conflict conflict, boolean unresolved)
      implements NoteOutcome {}

  /**
   * What the sync wrote into the note (or would, in a dry run).
   *
   * @param written whether the file was replaced
   * @param lastContact the {@code last_contact} change, or null
   * @param idProperty the id property written, or null
   * @param added CRM entry lines added
   */
  record WrittenBack(
      String path, boolean written, RunReport.Change lastContact, String idProperty, int added)
      implements NoteOutcome {}

  /** The note was in a write batch: it has a row even when nothing else is said of it. */
  record Touched(String path) implements NoteOutcome {}
}
