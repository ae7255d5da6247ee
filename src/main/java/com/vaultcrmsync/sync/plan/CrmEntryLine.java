package com.vaultcrmsync.sync.plan;

import com.vaultcrmsync.crm.CrmRecords;
import com.vaultcrmsync.vault.EntryLine;
import java.time.LocalDate;
import java.util.Map;

/**
 * The Recent Context line for a CRM activity: {@code - <date>: <Subject> - <Description> (via
 * Salesforce: <owner or creator>) ^sf-<18-char id>}, on one line, written by {@link EntryLine} so
 * that it reads back with these parts. The line is a function of the record, so its fingerprint
 * tells whether the CRM side changed. CRM text is neutralised first ({@link CrmText}): no image,
 * comment, inline HTML or script link from the CRM takes effect in Obsidian.
 */
public final class CrmEntryLine {
  /** Longer descriptions are cut, as the vault's own summaries are. */
  static final int MAX_DESCRIPTION = 200;

  private CrmEntryLine() {}

  /** The activity's date: its due date, else the start of an event, else its creation. */
  static LocalDate date(Map<String, Object> record) {
    LocalDate d = CrmRecords.date(record, "ActivityDate");
    if (d == null) {
      d = CrmRecords.date(record, "StartDateTime");
    }
    return d != null ? d : CrmRecords.date(record, "CreatedDate");
  }

  public static String render(Map<String, Object> record) {
    String subject = oneLine(CrmRecords.text(record, "Subject"));
    String description = oneLine(CrmRecords.text(record, "Description"));
    String who = CrmRecords.parentText(record, "Owner", "Name");
    if (who == null) {
      who = CrmRecords.parentText(record, "CreatedBy", "Name");
    }
    if (description.length() > MAX_DESCRIPTION) {
      int cut = MAX_DESCRIPTION;
      if (Character.isHighSurrogate(description.charAt(cut - 1))) {
        cut--;
      }
      description = description.substring(0, cut).stripTrailing() + "...";
    }
    return EntryLine.text(
        date(record),
        subject.isEmpty() ? "(no subject)" : CrmText.neutralise(subject),
        description.isEmpty() ? null : CrmText.neutralise(description),
        "Salesforce: " + (who == null ? "unknown" : CrmText.neutralise(who)),
        CrmRecords.id(record));
  }

  /** Whitespace runs, line breaks included, become one space; parentheses stay balanced. */
  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ");
  }
}
