package com.vaultcrmsync.emulator.soql;

import java.util.BitSet;
import java.util.function.Predicate;

/**
 * SOQL LIKE patterns: {@code %} matches any run of characters, {@code _} exactly one, everything
 * else (escaped {@code \%} and {@code \_} included) itself, ignoring case as Salesforce does.
 * Matching is a linear scan that backtracks only to the last {@code %}, so no pattern a client
 * sends can make it slow (unlike a regular expression such as {@code .*a.*a.*a.*}).
 */
final class LikePatterns {
  private static final int ANY_RUN = -1;
  private static final int ANY_ONE = -2;

  private LikePatterns() {}

  /**
   * @param value the string literal's unescaped value
   * @param wildcards positions (char indexes) in {@code value} of unescaped wildcards
   * @return a test of a non-null text value against the pattern
   */
  static Predicate<String> compile(String value, BitSet wildcards) {
    int[] pattern = new int[value.codePointCount(0, value.length())];
    int length = 0;
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      if (wildcards != null && wildcards.get(i)) {
        pattern[length++] = codePoint == '%' ? ANY_RUN : ANY_ONE;
      } else {
        pattern[length++] = fold(codePoint);
      }
      i += Character.charCount(codePoint);
    }
    return text -> matches(pattern, text.codePoints().map(LikePatterns::fold).toArray());
  }

  private static boolean matches(int[] pattern, int[] text) {
    int t = 0;
    int p = 0;
    int lastRun = -1;
    int resumeAt = 0;
    while (t < text.length) {
      if (p < pattern.length
          && pattern[p] != ANY_RUN
          && (pattern[p] == ANY_ONE || pattern[p] == text[t])) {
        t++;
        p++;
      } else if (p < pattern.length && pattern[p] == ANY_RUN) {
        lastRun = p++;
        resumeAt = t;
      } else if (lastRun >= 0) {
        p = lastRun + 1;
        t = ++resumeAt;
      } else {
        return false;
      }
    }
    while (p < pattern.length && pattern[p] == ANY_RUN) {
      p++;
    }
    return p == pattern.length;
  }

  private static int fold(int codePoint) {
    return Character.toLowerCase(Character.toUpperCase(codePoint));
  }
}
