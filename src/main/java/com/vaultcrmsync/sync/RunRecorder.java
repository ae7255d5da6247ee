package com.vaultcrmsync.sync;

import com.vaultcrmsync.crm.ApiUsage;
import com.vaultcrmsync.report.RunReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects what a run did, note by note, and builds the {@link RunReport} at the end. */
final class RunRecorder {
  private final SyncRequest request;
  private final Instant startedAt;
  private final Map<String, NoteRecord> notes = new TreeMap<>();
  int accountsCreated;
  int accountsUpdated;
  int accountsUnchanged;
  int activitiesCreated;
  int activitiesUpdated;
  int activitiesUnchanged;
  int entriesSkipped;
  int notesWritten;
  int entriesAdded;
  int notesSeen;
  private int unresolved;

  RunRecorder(SyncRequest request, Instant startedAt) {
    this.request = request;
    this.startedAt = startedAt;
  }

  /** The mutable record of one note while the run goes on. */
  static final class NoteRecord {
    final String path;
    String title;
    String match = AccountMatch.Kind.SKIPPED.label();
    String crmId;
    String action = "unchanged";
    String reason;
    final List<RunReport.EntryReport> entries = new ArrayList<>();
    RunReport.Change lastContact;
    int entriesAdded;
    String idProperty;
    final List<RunReport.Conflict> conflicts = new ArrayList<>();
    final List<RunReport.Problem> errors = new ArrayList<>();

    NoteRecord(String path) {
      this.path = path;
    }

    void entry(Integer line, String key, String crmId, String action, String reason) {
      entries.add(new RunReport.EntryReport(line, key, crmId, action, reason));
    }

    void error(String message, Integer line) {
      errors.add(new RunReport.Problem(message, line));
    }
  }

  long startedMillis() {
    return startedAt.toEpochMilli();
  }

  NoteRecord note(String path) {
    return notes.computeIfAbsent(path, NoteRecord::new);
  }

  /** Counts a conflict that was only reported: the run then ends {@code partial}. */
  void unresolvedConflict() {
    unresolved++;
  }

  /** Whether anything needs a person: errors, ambiguous matches, reported conflicts. */
  boolean needsReview() {
    return unresolved > 0
        || notes.values().stream()
            .anyMatch(
                n ->
                    !n.errors.isEmpty()
                        || n.match.equals(AccountMatch.Kind.AMBIGUOUS.label())
                        || n.match.equals(AccountMatch.Kind.UNMATCHED.label()));
  }

  RunReport build(String outcome, String message, ApiUsage usage, Instant finishedAt) {
    List<RunReport.NoteReport> out = new ArrayList<>();
    int conflicts = 0;
    int errors = 0;
    for (NoteRecord n : notes.values()) {
      conflicts += n.conflicts.size();
      errors += n.errors.size();
      RunReport.WriteBack writeBack =
          n.lastContact == null && n.entriesAdded == 0 && n.idProperty == null
              ? null
              : new RunReport.WriteBack(n.lastContact, n.entriesAdded, n.idProperty);
      out.add(
          new RunReport.NoteReport(
              n.path,
              n.title,
              n.match,
              n.crmId,
              n.action,
              n.reason,
              n.entries,
              writeBack,
              n.conflicts,
              n.errors));
    }
    RunReport.Totals totals =
        new RunReport.Totals(
            notesSeen,
            accountsCreated,
            accountsUpdated,
            accountsUnchanged,
            activitiesCreated,
            activitiesUpdated,
            activitiesUnchanged,
            entriesSkipped,
            notesWritten,
            entriesAdded,
            conflicts,
            errors);
    RunReport.Api api =
        usage == null
            ? new RunReport.Api(0, Map.of(), null)
            : new RunReport.Api(
                usage.calls(), new TreeMap<>(usage.byOperation()), usage.dailyRemaining());
    return new RunReport(
        new RunReport.Run(
            request.mode().label(),
            request.dryRun(),
            startedAt.toString(),
            finishedAt.toString(),
            outcome,
            message,
            request.key()),
        api,
        totals,
        out);
  }
}
