package com.vaultcrmsync.vault;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Random but well-formed notes for property tests: every shape the editor must preserve. */
public final class RandomNotes {
  private RandomNotes() {}

  public static LocalDate date(Random r) {
    return LocalDate.of(2024, 1, 1).plusDays(r.nextInt(800));
  }

  public static String id(Random r) {
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder("001");
    while (sb.length() < 18) {
      sb.append(chars.charAt(r.nextInt(chars.length())));
    }
    return sb.toString();
  }

  public static String note(Random r) {
    String eol = r.nextBoolean() ? "\n" : "\r\n";
    List<String> lines = new ArrayList<>();
    if (r.nextInt(5) > 0) {
      lines.add("---" + pad(r));
      lines.add("type: customer" + pad(r));
      if (r.nextBoolean()) {
        lines.add("# a comment");
      }
      lines.add("title: Acme " + r.nextInt(100));
      lines.add(
          switch (r.nextInt(6)) {
            case 0 -> "last_contact: unknown";
            case 1 -> "last_contact: '2025-01-01'";
            case 2 -> "last_contact: \"2025-01-01\"   # newest activity";
            case 3 -> "last_contact:";
            case 4 -> "last_contact: 2025-01-01 # set by the sync";
            default -> "created: 2026-01-03";
          });
      if (r.nextBoolean()) {
        lines.add("tags:");
        lines.add("- type/customer" + pad(r));
        lines.add("- generated");
      }
      if (r.nextBoolean()) {
        lines.add("nested:");
        lines.add("  key: value");
      }
      if (r.nextInt(3) == 0) {
        lines.add("salesforce_id: ''");
      }
      lines.add("---");
      if (r.nextBoolean()) {
        lines.add("");
      }
    }
    if (r.nextInt(5) > 0) {
      lines.add("# Acme Corp" + pad(r));
      lines.add("");
    }
    if (r.nextInt(10) < 7) {
      lines.add("## Recent Context" + pad(r));
      if (r.nextBoolean()) {
        lines.add("");
      }
      int n = r.nextInt(8);
      List<LocalDate> dates = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        dates.add(r.nextInt(4) == 0 ? null : date(r));
      }
      dates.sort(Comparator.nullsFirst(Comparator.<LocalDate>reverseOrder()));
      for (int i = 0; i < n; i++) {
        LocalDate d = dates.get(i);
        lines.add(
            "- "
                + (d == null ? "unknown" : d)
                + ": [[Existing "
                + i
                + "]] - summary \u201cquoted\u201d..."
                + (r.nextBoolean() ? " (via Cloud)" : "")
                + pad(r));
        if (r.nextInt(5) == 0) {
          lines.add("  - a continuation line");
        }
      }
      if (r.nextInt(5) == 0) {
        lines.add("a line that is not an entry");
      }
      lines.add("");
    }
    if (r.nextBoolean()) {
      lines.add("## Key Facts");
      lines.add("");
      lines.add("- a fact  ");
      lines.add("```");
      lines.add("## Recent Context");
      lines.add("```");
    }
    String text = String.join(eol, lines);
    if (r.nextInt(5) > 0 && !text.isEmpty()) {
      text += eol;
    }
    return (r.nextInt(10) == 0 ? "\uFEFF" : "") + text;
  }

  private static String pad(Random r) {
    return r.nextInt(4) == 0 ? "  " : "";
  }
}
