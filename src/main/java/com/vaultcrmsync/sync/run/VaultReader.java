package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.crm.SalesforceId;
import com.vaultcrmsync.mapping.RecordMapper;
import com.vaultcrmsync.sync.plan.Fingerprint;
import com.vaultcrmsync.sync.plan.NoteDigest;
import com.vaultcrmsync.sync.state.NoteState;
import com.vaultcrmsync.vault.ContextEntry;
import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.NoteFile;
import com.vaultcrmsync.vault.NoteProblem;
import com.vaultcrmsync.vault.parse.NoteParser;
import java.io.IOException;
import java.nio.file.Files;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a listed note changed since the last sync (size and mtime, then content hash,
 * against the state) and digests the changed ones. An unchanged note is not parsed.
 */
final class VaultReader {
  /** Made on the first note that needs parsing: a no-op never loads flexmark or SnakeYAML. */
  private NoteParser parser;

  private final RecordMapper mapper;
  private int hashed;
  private int parsed;

  VaultReader(RecordMapper mapper) {
    this.mapper = mapper;
  }

  /** What reading one note found. */
  sealed interface Result {}

  /** Same size and mtime, or same content: nothing to do for the vault side. */
  record Unchanged(NoteState known, boolean touched, long size, long mtime) implements Result {}

  /** The mapping does not select the note. */
  record NotSelected(NoteState state) implements Result {}

  /** The note cannot be parsed; it is left untouched. */
  record Broken(String path, String title, List<NoteProblem> errors) implements Result {}

  /** A changed (or forced) selected note. */
  record Changed(NoteDigest digest) implements Result {}

  Result read(NoteFile file, Optional<NoteState> known, boolean force) throws IOException {
    long mtime = file.lastModified().toEpochMilli();
    if (!force
        && known.isPresent()
        && known.get().size() == file.size()
        && known.get().mtime() == mtime) {
      return new Unchanged(known.get(), false, file.size(), mtime);
    }
    byte[] bytes = Files.readAllBytes(file.path());
    hashed++;
    String hash = Fingerprint.of(bytes);
    if (!force && known.isPresent() && known.get().contentHash().equals(hash)) {
      return new Unchanged(known.get(), true, bytes.length, mtime);
    }
    if (parser == null) {
      parser = new NoteParser();
    }
    Note note = parser.parse(file.relativePath(), bytes);
    parsed++;
    if (note.hasErrors()) {
      return new Broken(
          file.relativePath(),
          note.title(),
          note.problems().stream()
              .filter(p -> p.severity() == NoteProblem.Severity.ERROR)
              .toList());
    }
    List<String> aliases = mapper.aliases(note);
    if (!mapper.selects(note)) {
      return new NotSelected(
          new NoteState(
              file.relativePath(), bytes.length, mtime, hash, false, note.title(), aliases));
    }
    String idProperty = mapper.mappings().account().idProperty();
    Object rawId = note.frontMatter().map(fm -> fm.values().get(idProperty)).orElse(null);
    String id = rawId == null ? null : String.valueOf(rawId);
    if (id != null && !id.isBlank() && !SalesforceId.isId(id.strip())) {
      // The sync owns this value: never overwrite what a person typed there by mistake.
      return broken(
          file,
          note,
          idProperty
              + " '"
              + shortened(id)
              + "' is not a Salesforce record id (15 or 18 letters and digits); fix or remove it");
    }
    Object lastContact =
        note.frontMatter().map(fm -> fm.values().get(NoteParser.LAST_CONTACT)).orElse(null);
    if (!isDateOrUnknown(lastContact)) {
      // The sync writes this value: never overwrite what a person typed there that is not a date.
      return broken(
          file,
          note,
          NoteParser.LAST_CONTACT
              + " '"
              + shortened(String.valueOf(lastContact))
              + "' is not a YYYY-MM-DD date; the note is left alone until it is a date, unknown"
              + " or empty");
    }
    return new Changed(digest(note, bytes.length, mtime, hash, aliases));
  }

  private static boolean isDateOrUnknown(Object value) {
    if (value == null) {
      return true;
    }
    String text = value instanceof Map || value instanceof Iterable ? null : value.toString();
    if (text == null) {
      return false;
    }
    if (text.isBlank() || text.strip().equalsIgnoreCase("unknown")) {
      return true;
    }
    try {
      LocalDate.parse(text.strip());
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** A note the sync leaves alone for one value it owns that a person wrote wrongly. */
  private static Broken broken(NoteFile file, Note note, String message) {
    return new Broken(
        file.relativePath(),
        note.title(),
        List.of(new NoteProblem(NoteProblem.Severity.ERROR, message, 0)));
  }

  private static String shortened(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "...";
  }

  /** Notes whose bytes were read and hashed so far (size or mtime changed, or forced). */
  int hashed() {
    return hashed;
  }

  /** Notes parsed so far (content changed, or forced). */
  int parsed() {
    return parsed;
  }

  /**
   * Lets a field whose value equals the entry's subject hold the subject itself: every changed
   * note's entries are kept until the run's writes, so equal copies of the same text add up.
   */
  private static Map<String, Object> shared(Map<String, Object> fields, String subject) {
    if (subject != null) {
      fields.replaceAll((name, value) -> subject.equals(value) ? subject : value);
    }
    return fields;
  }

  NoteDigest digest(Note note, long size, long mtime, String hash, List<String> aliases) {
    List<NoteDigest.EntryDigest> entries = new ArrayList<>();
    for (ContextEntry e : note.entries()) {
      entries.add(
          new NoteDigest.EntryDigest(
              e.line(),
              e.date(),
              e.subject(),
              // Only a CRM-written line is ever compared; the others' text is held by the fields.
              e.crmId() == null ? null : e.raw(),
              e.crmId(),
              e.date() == null || e.crmId() != null
                  ? Map.of()
                  : shared(mapper.activityFields(note, e, null), e.subject())));
    }
    return new NoteDigest(
        note.relativePath(),
        size,
        mtime,
        hash,
        note.title(),
        aliases,
        note.frontMatter()
            .map(fm -> fm.string(mapper.mappings().account().idProperty()))
            .orElse(null),
        note.frontMatter().map(fm -> fm.string(NoteParser.LAST_CONTACT)).orElse(null),
        mapper.accountFields(note),
        entries);
  }
}
