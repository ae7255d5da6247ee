package com.vaultcrmsync.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The run report (design §6, a stable contract): what the run was, what it cost, totals, and per
 * note how it matched, what happened to each entry and why. JSON is written from these records as
 * they are; other renderings (Markdown, HTML) read the same records.
 *
 * <p>The notes of a large run may be a list read from a {@link NoteSpill} each time it is iterated
 * (so that a rendering holds one note at a time): iterate {@link #notes()}, do not index it.
 */
public record RunReport(Run run, Api api, Totals totals, List<NoteReport> notes) {
  public RunReport {
    notes = notes instanceof NoteSpill.SpilledNotes ? notes : List.copyOf(notes);
  }

  /**
   * @param mode {@code full}, {@code account} or {@code note}
   * @param startedAt ISO-8601 instant
   * @param finishedAt ISO-8601 instant
   * @param outcome {@code ok}, {@code partial} (record-level errors or conflicts), {@code halted}
   *     (a safety rule or the API budget stopped it) or {@code failed}
   * @param message why the run halted or failed, else null
   * @param scope the account key of an {@code account} run, else null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Run(
      String mode,
      boolean dryRun,
      String startedAt,
      String finishedAt,
      String outcome,
      String message,
      String scope) {}

  /** API calls of the run by operation and the daily allowance left (null when unknown). */
  public record Api(int calls, Map<String, Integer> byOperation, Integer dailyRemaining) {}

  /** Counts over the whole run. */
  public record Totals(
      int notes,
      int accountsCreated,
      int accountsUpdated,
      int accountsUnchanged,
      int activitiesCreated,
      int activitiesUpdated,
      int activitiesUnchanged,
      int entriesSkipped,
      int notesWritten,
      int entriesAdded,
      int conflicts,
      int errors) {}

  /**
   * One note.
   *
   * @param path vault-relative, {@code /} separators
   * @param match {@code id}, {@code name}, {@code alias}, {@code created}, {@code ambiguous},
   *     {@code unmatched} or {@code skipped}
   * @param crmId the linked record id, or null
   * @param action what happened to the account record: {@code created}, {@code updated}, {@code
   *     unchanged}, {@code skipped} or {@code failed} (a dry run reports what it would do)
   * @param reason why the note matched (or did not) as it did, or null
   */
  public record NoteReport(
      String path,
      String title,
      String match,
      String crmId,
      String action,
      @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
      List<EntryReport> entries,
      WriteBack writeBack,
      List<Conflict> conflicts,
      List<Problem> errors) {
    public NoteReport {
      entries = List.copyOf(entries);
      conflicts = List.copyOf(conflicts);
      errors = List.copyOf(errors);
    }
  }

  /**
   * One Recent Context entry, or one CRM activity that became or changed an entry.
   *
   * @param line 1-based line in the note, or null for an activity not (yet) in the note
   * @param key the vault key or {@code sf:<id>}
   * @param action {@code created}, {@code updated}, {@code unchanged}, {@code skipped}, {@code
   *     added} (pulled into the note), {@code line-updated}, {@code deleted}, {@code conflict},
   *     {@code failed} (a dry run reports what it would do)
   * @param reason why, in words
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EntryReport(Integer line, String key, String crmId, String action, String reason) {}

  /** What the sync wrote back into the note. */
  public record WriteBack(
      @JsonProperty("last_contact") Change lastContact,
      int entriesAdded,
      @JsonInclude(JsonInclude.Include.NON_NULL) String idProperty) {}

  /** A value before and after. */
  public record Change(String from, String to) {}

  /**
   * The same record changed on both sides since the last sync.
   *
   * @param record {@code account} or the entry's key
   * @param resolution {@code reported} (nothing overwritten), {@code vault-wins} or {@code
   *     crm-wins}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Conflict(
      String record, String crmId, Integer line, String resolution, String vault, String crm) {}

  /** A problem with the note or one of its records; {@code line} is null for the whole note. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Problem(String message, Integer line) {}
}
