package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.sync.plan.AccountMatch;
import com.vaultcrmsync.sync.state.NoteState;
import com.vaultcrmsync.sync.state.StateStore;
import com.vaultcrmsync.vault.ScanProblem;
import java.util.Map;

/**
 * Reports the notes that get no plan this run: those the scan or the reader could not use (skipped,
 * with their problems), linked notes unchanged since the last sync, and notes that left the vault.
 * It writes nothing but the run report.
 */
final class UnplannedNotes {
  private final StateStore state;
  private final RunRecorder rec;

  UnplannedNotes(StateStore state, RunRecorder rec) {
    this.state = state;
    this.rec = rec;
  }

  /** A file or folder the scan reported instead of listing (too large, unreadable): skipped. */
  void unlisted(ScanProblem p) {
    RunRecorder.NoteRecord n = rec.note(p.relativePath());
    n.action = "skipped";
    n.error(p.reason(), null);
  }

  /** A note that cannot be parsed: skipped, and left untouched. */
  void broken(VaultReader.Broken b) {
    RunRecorder.NoteRecord n = rec.note(b.path());
    n.title = b.title();
    n.action = "skipped";
    b.errors().forEach(p -> n.error(p.message(), p.line() == 0 ? null : p.line()));
  }

  /**
   * A selected note unchanged since the last sync: counted as seen, and reported unchanged when
   * linked.
   *
   * @param accountId its linked Account, or null
   */
  void unchanged(NoteState known, String accountId) {
    rec.notesSeen++;
    if (accountId == null) {
      return;
    }
    RunRecorder.NoteRecord n = rec.note(known.path());
    n.title = known.title();
    n.match = AccountMatch.Kind.ID.label();
    n.crmId = accountId;
    n.action = "unchanged";
    rec.accountsUnchanged++;
  }

  /**
   * Reports a note that left the vault since the last run: moved (its Account is now linked to the
   * note's new path, found by its id property) or deleted. Nothing is deleted in the CRM.
   */
  void vanished(NoteState gone, Map<String, String> linksBefore) {
    String accountId =
        linksBefore.entrySet().stream()
            .filter(e -> e.getValue().equals(gone.path()))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    if (!gone.selected() && accountId == null) {
      return;
    }
    RunRecorder.NoteRecord n = rec.note(gone.path());
    n.title = gone.title();
    n.crmId = accountId;
    String now = accountId == null ? null : state.links().get(accountId);
    if (now != null && !now.equals(gone.path())) {
      n.action = "moved";
      n.reason = "moved to " + now + "; still linked to Account " + accountId;
    } else {
      n.action = "deleted";
      n.reason =
          accountId == null
              ? "the note is no longer in the vault"
              : "the note is no longer in the vault; Account "
                  + accountId
                  + " and its activities stay in the CRM (deletes are not propagated)";
    }
  }
}
