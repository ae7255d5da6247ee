package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.sync.plan.AccountMatch;
import com.vaultcrmsync.sync.plan.NoteOutcome;
import com.vaultcrmsync.sync.state.NoteState;
import com.vaultcrmsync.sync.state.StateStore;
import com.vaultcrmsync.vault.ScanProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the report says of the notes that get no plan this run: those the scan or the reader could
 * not use (skipped, with their problems), linked notes unchanged since the last sync, and notes
 * that left the vault. It decides rows only; the run folds them into its report.
 */
final class UnplannedNotes {
  private final StateStore state;

  UnplannedNotes(StateStore state) {
    this.state = state;
  }

  /** A file or folder the scan reported instead of listing (too large, unreadable): skipped. */
  List<NoteOutcome> unlisted(ScanProblem p) {
    return List.of(
        new NoteOutcome.Acted(p.relativePath(), null, "skipped"),
        new NoteOutcome.Problem(p.relativePath(), p.reason(), null));
  }

  /** A note that cannot be parsed: skipped, and left untouched. */
  List<NoteOutcome> broken(VaultReader.Broken b) {
    List<NoteOutcome> out = new ArrayList<>();
    out.add(new NoteOutcome.Acted(b.path(), b.title(), "skipped"));
    b.errors()
        .forEach(
            p ->
                out.add(
                    new NoteOutcome.Problem(
                        b.path(), p.message(), p.line() == 0 ? null : p.line())));
    return out;
  }

  /**
   * A selected note unchanged since the last sync: counted as seen, and reported unchanged when
   * linked.
   *
   * @param accountId its linked Account, or null
   */
  List<NoteOutcome> unchanged(NoteState known, String accountId) {
    NoteOutcome seen = new NoteOutcome.Counted(known.path(), NoteOutcome.Tally.NOTES_SEEN);
    if (accountId == null) {
      return List.of(seen);
    }
    return List.of(
        seen,
        new NoteOutcome.Described(
            known.path(),
            known.title(),
            AccountMatch.Kind.ID.label(),
            accountId,
            "unchanged",
            null),
        new NoteOutcome.Counted(known.path(), NoteOutcome.Tally.ACCOUNTS_UNCHANGED));
  }

  /**
   * Reports a note that left the vault since the last run: moved (its Account is now linked to the
   * note's new path, found by its id property) or deleted. Nothing is deleted in the CRM.
   */
  List<NoteOutcome> vanished(NoteState gone, Map<String, String> linksBefore) {
    String accountId =
        linksBefore.entrySet().stream()
            .filter(e -> e.getValue().equals(gone.path()))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    if (!gone.selected() && accountId == null) {
      return List.of();
    }
    String now = accountId == null ? null : state.links().get(accountId);
    if (now != null && !now.equals(gone.path())) {
      return List.of(
          described(
              gone,
              accountId,
              "moved",
              "moved to " + now + "; still linked to Account " + accountId));
    }
    return List.of(
        described(
            gone,
            accountId,
            "deleted",
            accountId == null
                ? "the note is no longer in the vault"
                : "the note is no longer in the vault; Account "
                    + accountId
                    + " and its activities stay in the CRM (deletes are not propagated)"));
  }

  private static NoteOutcome described(
      NoteState gone, String accountId, String action, String reason) {
    return new NoteOutcome.Described(gone.path(), gone.title(), null, accountId, action, reason);
  }
}
