package com.vaultcrmsync.vault.parse;

import java.time.LocalDate;

/**
 * {@code YYYY-MM-DD} dates read from their digits: {@link LocalDate#parse} goes through a {@code
 * DateTimeFormatter}, which costs about a microsecond a call, on every dated note and entry.
 */
public final class IsoDates {
  private static final int[] DIGITS = {0, 1, 2, 3, 5, 6, 8, 9};

  private IsoDates() {}

  /** True when {@code text} holds {@code NNNN-NN-NN} from {@code p}, within {@code end}. */
  static boolean hasShape(String text, int p, int end) {
    if (p + 10 > end || text.charAt(p + 4) != '-' || text.charAt(p + 7) != '-') {
      return false;
    }
    for (int i : DIGITS) {
      char c = text.charAt(p + i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * The date of the {@code NNNN-NN-NN} at {@code p} (see {@link #hasShape}).
   *
   * @throws java.time.DateTimeException for an impossible date such as {@code 2025-02-30}
   */
  static LocalDate at(String text, int p) {
    return LocalDate.of(number(text, p, 4), number(text, p + 5, 2), number(text, p + 8, 2));
  }

  /** As {@link LocalDate#parse(CharSequence)}: the same dates, the same exceptions' kinds. */
  public static LocalDate parse(String text) {
    return text.length() == 10 && hasShape(text, 0, 10) ? at(text, 0) : LocalDate.parse(text);
  }

  private static int number(String text, int p, int digits) {
    int n = 0;
    for (int i = 0; i < digits; i++) {
      n = n * 10 + (text.charAt(p + i) - '0');
    }
    return n;
  }
}
