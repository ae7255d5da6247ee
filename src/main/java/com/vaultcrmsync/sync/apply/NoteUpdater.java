package com.vaultcrmsync.sync.apply;

import com.vaultcrmsync.crm.SalesforceId;
import com.vaultcrmsync.sync.plan.Fingerprint;
import com.vaultcrmsync.sync.plan.NotePlan;
import com.vaultcrmsync.sync.plan.VaultKey;
import com.vaultcrmsync.sync.state.ActivityState;
import com.vaultcrmsync.sync.state.NoteState;
import com.vaultcrmsync.vault.ContextEntry;
import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.edit.NoteChangedException;
import com.vaultcrmsync.vault.edit.NoteEdit;
import com.vaultcrmsync.vault.edit.NoteWriter;
import com.vaultcrmsync.vault.parse.NoteParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Writes what the sync owns into one note: the id property, CRM entry lines (added in date
 * position, or replacing the line with the same {@code ^sf-} id) and {@code last_contact} (only
 * ever moved forward). The note is read again and must still be the version the run planned from;
 * the guarded writer then refuses to replace a file that changed in the meantime. A note the user
 * edited is never overwritten: {@link NoteChangedException} tells the caller to retry next run.
 */
final class NoteUpdater {
  private final Path vaultRoot;
  private final String idProperty;
  // Notes are updated on several writer threads at once; a parser per thread keeps that safe.
  private final ThreadLocal<NoteParser> parser = ThreadLocal.withInitial(NoteParser::new);
  private final NoteWriter writer = new NoteWriter();

  NoteUpdater(Path vaultRoot, String idProperty) {
    this.vaultRoot = vaultRoot;
    this.idProperty = idProperty;
  }

  /**
   * What one update did.
   *
   * @param written whether the file was replaced
   * @param state the note's state after the update (size, mtime, hash)
   * @param lastContactFrom the {@code last_contact} value before, when it changed
   * @param lastContactTo the value written, when it changed
   * @param added how many CRM entry lines were added
   * @param removed how many entries were removed
   */
  record Outcome(
      boolean written,
      NoteState state,
      String lastContactFrom,
      String lastContactTo,
      int added,
      int removed,
      boolean idWritten) {}

  /**
   * Updates the note.
   *
   * @param expectedHash SHA-256 of the content the run planned from
   * @param accountId the id to write into the id property, or null to leave it
   * @param lines CRM lines to add or replace
   * @param removals activities whose entries are removed (found by {@code ^sf-} id or vault key)
   * @param newest the account's newest activity date (today or earlier), or null
   * @param dryRun compute the outcome without writing
   * @throws NoteChangedException when the note is not the version the run planned from
   * @throws IOException when it cannot be read or written
   */
  Outcome update(
      String path,
      String expectedHash,
      String accountId,
      List<NotePlan.CrmLinePlan> lines,
      List<ActivityState> removals,
      LocalDate newest,
      boolean dryRun,
      NoteState previous)
      throws IOException {
    Path file = vaultRoot.resolve(path);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new NoteChangedException(file);
    }
    if (!Fingerprint.of(bytes).equals(expectedHash)) {
      throw new NoteChangedException(file);
    }
    Note note = parser.get().parse(path, bytes);
    if (note.hasErrors()) {
      throw new NoteChangedException(file);
    }
    NoteEdit edit = NoteEdit.of(note);
    boolean idWritten = false;
    if (accountId != null) {
      String current = note.frontMatter().map(fm -> fm.string(idProperty)).orElse(null);
      if (current == null || !accountId.equals(SalesforceId.to18(current.strip()))) {
        edit.setFrontMatterScalar(idProperty, accountId);
        idWritten = true;
      }
    }
    int added = 0;
    for (NotePlan.CrmLinePlan l : lines) {
      Optional<ContextEntry> existing =
          note.entries().stream()
              .filter(e -> e.crmId() != null && SalesforceId.to18(e.crmId()).equals(l.crmId()))
              .findFirst();
      if (existing.isPresent()) {
        if (!existing.get().raw().equals(l.line())) {
          edit.replaceEntryLine(existing.get(), l.line());
        }
      } else {
        edit.insertEntry(l.line(), l.date());
        added++;
      }
    }
    int removed = 0;
    for (ContextEntry e : note.entries()) {
      for (ActivityState a : removals) {
        boolean match =
            a.origin() == ActivityState.Origin.CRM
                ? e.crmId() != null && SalesforceId.to18(e.crmId()).equals(a.crmId())
                : e.crmId() == null
                    && e.date() != null
                    && VaultKey.of(a.accountId(), e.date(), e.subject()).equals(a.key());
        if (match) {
          edit.removeEntry(e);
          removed++;
          break;
        }
      }
    }
    String from = null;
    String to = null;
    Optional<LocalDate> lastContact = note.lastContact();
    if (newest != null && (lastContact.isEmpty() || lastContact.get().isBefore(newest))) {
      from = note.frontMatter().map(fm -> fm.string(NoteParser.LAST_CONTACT)).orElse(null);
      to = newest.toString();
      edit.setFrontMatterScalar(NoteParser.LAST_CONTACT, to);
    }
    String newText = edit.apply();
    if (newText.equals(note.text()) || dryRun) {
      return new Outcome(false, previous, from, to, added, removed, idWritten);
    }
    writer.write(file, bytes, newText);
    byte[] written = newText.getBytes(StandardCharsets.UTF_8);
    NoteState after =
        new NoteState(
            path,
            written.length,
            Files.getLastModifiedTime(file).toMillis(),
            Fingerprint.of(written),
            true,
            note.title(),
            previous == null ? List.of() : previous.aliases());
    return new Outcome(true, after, from, to, added, removed, idWritten);
  }
}
