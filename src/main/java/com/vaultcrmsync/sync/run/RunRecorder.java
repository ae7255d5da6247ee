package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.crm.ApiUsage;
import com.vaultcrmsync.report.NoteSpill;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.sync.plan.AccountMatch;
import com.vaultcrmsync.sync.plan.NoteOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what a run did, note by note, and builds the {@link RunReport} at the end. The run folds
 * in the {@link NoteOutcome}s its steps return ({@link #fold}); nothing else changes it.
 *
 * <p>Its rows (one per note, one per entry, error or conflict) do not accumulate in the heap: once
 * more than {@code maxRowsInMemory} notes and entries are held, the least recently used notes are
 * written to a {@link NoteSpill} (a hidden temp file in the spill folder) and read back only if the
 * run records something more about them; the report of a run that spilled reads its notes from that
 * file each time it is rendered. A {@link NoteRecord} returned by {@link #note} stays the note's
 * record while it is among the {@value #KEEP_RECENT} notes used last, so callers fetch it again
 * when they come back to a note after others.
 */
public final class RunRecorder {
  /** Notes and entries held in memory before the least recently used notes are spilled. */
  static final int MAX_ROWS_IN_MEMORY = 20_000;

  /** The notes used last are never spilled: a caller may still be recording into them. */
  static final int KEEP_RECENT = 64;

  private final SyncRequest request;
  private final Instant startedAt;
  private final Path spillDir;
  private final int maxRowsInMemory;
  // Access order: the first entry is the least recently used note.
  private final LinkedHashMap<String, NoteRecord> live = new LinkedHashMap<>(256, 0.75f, true);
  private final TreeMap<String, NoteSpill.Slot> spilled = new TreeMap<>();
  private NoteSpill spill;
  private int rowsInMemory;
  private int spilledConflicts;
  private int spilledErrors;
  private int spilledNeedingReview;
  private final RunTally tally = new RunTally();
  private int unresolved;

  /** A recorder that spills to the system's temp folder. */
  public RunRecorder(SyncRequest request, Instant startedAt) {
    this(request, startedAt, Path.of(System.getProperty("java.io.tmpdir")), MAX_ROWS_IN_MEMORY);
  }

  /**
   * @param spillDir where rows go once there are too many (the system's temp folder when it does
   *     not exist, e.g. for a dry run of a vault never synced)
   */
  RunRecorder(SyncRequest request, Instant startedAt, Path spillDir, int maxRowsInMemory) {
    this.request = request;
    this.startedAt = startedAt;
    this.spillDir = spillDir;
    this.maxRowsInMemory = maxRowsInMemory;
  }

  /** The record of one note while the run goes on; only the recorder changes it. */
  public final class NoteRecord {
    final String path;
    String title;
    String match = AccountMatch.Kind.SKIPPED.label();
    String crmId;
    String action = "unchanged";
    String reason;
    private final List<RunReport.EntryReport> entryRows = new ArrayList<>();
    private final List<RunReport.Conflict> conflictRows = new ArrayList<>();

    /** The note's entry rows so far. */
    public final List<RunReport.EntryReport> entries = Collections.unmodifiableList(entryRows);

    /** The note's conflicts so far. */
    public final List<RunReport.Conflict> conflicts = Collections.unmodifiableList(conflictRows);

    RunReport.Change lastContact;
    int entriesAdded;
    String idProperty;
    final List<RunReport.Problem> errors = new ArrayList<>();

    NoteRecord(String path) {
      this.path = path;
    }

    void entry(Integer line, String key, String crmId, String action, String reason) {
      entry(new RunReport.EntryReport(line, key, crmId, action, reason));
    }

    void entry(RunReport.EntryReport row) {
      entryRows.add(row);
      rowsInMemory++;
    }

    void error(String message, Integer line) {
      error(new RunReport.Problem(message, line));
    }

    void error(RunReport.Problem problem) {
      errors.add(problem);
      rowsInMemory++;
    }

    int rows() {
      return 1 + entries.size() + errors.size();
    }

    boolean needsReview() {
      return !errors.isEmpty()
          || match.equals(AccountMatch.Kind.AMBIGUOUS.label())
          || match.equals(AccountMatch.Kind.UNMATCHED.label());
    }

    RunReport.NoteReport report() {
      RunReport.WriteBack writeBack =
          lastContact == null && entriesAdded == 0 && idProperty == null
              ? null
              : new RunReport.WriteBack(lastContact, entriesAdded, idProperty);
      return new RunReport.NoteReport(
          path, title, match, crmId, action, reason, entries, writeBack, conflicts, errors);
    }

    void restore(RunReport.NoteReport r) {
      title = r.title();
      match = r.match();
      crmId = r.crmId();
      action = r.action();
      reason = r.reason();
      entryRows.addAll(r.entries());
      if (r.writeBack() != null) {
        lastContact = r.writeBack().lastContact();
        entriesAdded = r.writeBack().entriesAdded();
        idProperty = r.writeBack().idProperty();
      }
      conflictRows.addAll(r.conflicts());
      errors.addAll(r.errors());
    }
  }

  long startedMillis() {
    return startedAt.toEpochMilli();
  }

  /** The record of a note, created on first use or read back from the spill. */
  public NoteRecord note(String path) {
    NoteRecord n = live.get(path);
    if (n != null) {
      return n;
    }
    n = new NoteRecord(path);
    NoteSpill.Slot slot = spilled.remove(path);
    if (slot != null) {
      n.restore(spill.read(slot));
      spilledConflicts -= n.conflicts.size();
      spilledErrors -= n.errors.size();
      spilledNeedingReview -= n.needsReview() ? 1 : 0;
    }
    live.put(path, n);
    rowsInMemory += n.rows();
    if (rowsInMemory > maxRowsInMemory) {
      spillLeastRecent(maxRowsInMemory / 2);
    }
    return n;
  }

  /** Notes and entries (and errors) held in memory now. */
  int rowsInMemory() {
    return rowsInMemory;
  }

  /** Spills the least recently used notes until at most {@code target} rows are held. */
  private void spillLeastRecent(int target) {
    if (spill == null) {
      spill = NoteSpill.create(Files.isDirectory(spillDir) ? spillDir : temp());
    }
    Iterator<NoteRecord> oldest = live.values().iterator();
    while (rowsInMemory > target && live.size() > KEEP_RECENT) {
      NoteRecord n = oldest.next();
      oldest.remove();
      spillOne(n);
    }
  }

  private void spillOne(NoteRecord n) {
    spilled.put(n.path, spill.write(n.report()));
    rowsInMemory -= n.rows();
    spilledConflicts += n.conflicts.size();
    spilledErrors += n.errors.size();
    spilledNeedingReview += n.needsReview() ? 1 : 0;
  }

  private static Path temp() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Folds what the steps returned, in order. */
  public void fold(Iterable<? extends NoteOutcome> outcomes) {
    outcomes.forEach(this::fold);
  }

  /** Folds one outcome of a step into the note's row and the totals. */
  public void fold(NoteOutcome outcome) {
    if (outcome instanceof NoteOutcome.Counted c) {
      tally.count(c.tally());
    } else if (outcome instanceof NoteOutcome.Matched m) {
      NoteRecord n = note(m.path());
      n.title = m.title();
      n.match = m.match().kind().label();
      n.crmId = m.match().accountId();
      n.reason = m.match().reason();
    } else if (outcome instanceof NoteOutcome.Acted a) {
      NoteRecord n = note(a.path());
      n.title = a.title() != null ? a.title() : n.title;
      n.action = a.action();
    } else if (outcome instanceof NoteOutcome.Described d) {
      describe(d);
    } else if (outcome instanceof NoteOutcome.AccountWritten w) {
      accountWritten(w);
    } else if (outcome instanceof NoteOutcome.Entry e) {
      note(e.path()).entry(e.entry());
    } else if (outcome instanceof NoteOutcome.Problem p) {
      note(p.path()).error(p.problem());
    } else if (outcome instanceof NoteOutcome.Conflict c) {
      note(c.path()).conflictRows.add(c.conflict());
      unresolved += c.unresolved() ? 1 : 0;
    } else if (outcome instanceof NoteOutcome.WrittenBack w) {
      writtenBack(w);
    } else {
      note(outcome.path());
    }
  }

  private void accountWritten(NoteOutcome.AccountWritten w) {
    NoteRecord n = note(w.path());
    n.action = w.created() ? "created" : "updated";
    n.crmId = w.accountId();
    if (w.created()) {
      n.match = AccountMatch.Kind.CREATED.label();
    }
    tally.accountWritten(w.created());
  }

  private void describe(NoteOutcome.Described d) {
    NoteRecord n = note(d.path());
    n.title = d.title();
    n.crmId = d.crmId();
    n.action = d.action();
    if (d.match() != null) {
      n.match = d.match();
    }
    if (d.reason() != null) {
      n.reason = d.reason();
    }
  }

  private void writtenBack(NoteOutcome.WrittenBack w) {
    NoteRecord n = note(w.path());
    if (w.lastContact() != null) {
      n.lastContact = w.lastContact();
    }
    if (w.idProperty() != null) {
      n.idProperty = w.idProperty();
    }
    n.entriesAdded += w.added();
    tally.writtenBack(w.written(), w.added());
  }

  /** Whether anything needs a person: errors, ambiguous matches, reported conflicts. */
  public boolean needsReview() {
    return unresolved > 0
        || spilledNeedingReview > 0
        || live.values().stream().anyMatch(NoteRecord::needsReview);
  }

  /**
   * The report of the run. When rows were spilled, every note goes to the spill and the report's
   * notes are read from it in path order; else they are the records in memory, sorted by path.
   */
  RunReport build(RunOutcome outcome, ApiUsage usage, Instant finishedAt) {
    int conflicts = spilledConflicts;
    int errors = spilledErrors;
    for (NoteRecord n : live.values()) {
      conflicts += n.conflicts.size();
      errors += n.errors.size();
    }
    List<RunReport.NoteReport> out;
    if (spill == null) {
      out = new ArrayList<>(live.size());
      for (NoteRecord n : new TreeMap<>(live).values()) {
        out.add(n.report());
      }
    } else {
      live.values().forEach(this::spillOne);
      live.clear();
      out = spill.notes(new ArrayList<>(spilled.values()));
    }
    RunReport.Totals totals = tally.totals(conflicts, errors);
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
            outcome.kind().label(),
            outcome.message(),
            request.key()),
        api,
        totals,
        out);
  }
}
