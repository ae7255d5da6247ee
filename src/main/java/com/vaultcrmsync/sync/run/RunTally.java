package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.plan.NoteOutcome;
import java.util.EnumMap;
import java.util.Map;

/** The run's totals that are counts rather than rows; only the {@link RunRecorder} adds to them. */
final class RunTally {
  private final Map<NoteOutcome.Tally, Integer> counted = new EnumMap<>(NoteOutcome.Tally.class);
  private int accountsCreated;
  private int accountsUpdated;
  private int notesWritten;
  private int entriesAdded;

  void count(NoteOutcome.Tally tally) {
    counted.merge(tally, 1, Integer::sum);
  }

  void accountWritten(boolean created) {
    if (created) {
      accountsCreated++;
    } else {
      accountsUpdated++;
    }
  }

  void writtenBack(boolean written, int added) {
    notesWritten += written ? 1 : 0;
    entriesAdded += added;
  }

  /** The report's totals, with the conflicts and errors counted from the rows. */
  RunReport.Totals totals(int conflicts, int errors) {
    return new RunReport.Totals(
        get(NoteOutcome.Tally.NOTES_SEEN),
        accountsCreated,
        accountsUpdated,
        get(NoteOutcome.Tally.ACCOUNTS_UNCHANGED),
        get(NoteOutcome.Tally.ACTIVITIES_CREATED),
        get(NoteOutcome.Tally.ACTIVITIES_UPDATED),
        get(NoteOutcome.Tally.ACTIVITIES_UNCHANGED),
        get(NoteOutcome.Tally.ENTRIES_SKIPPED),
        notesWritten,
        entriesAdded,
        conflicts,
        errors);
  }

  private int get(NoteOutcome.Tally tally) {
    return counted.getOrDefault(tally, 0);
  }
}
