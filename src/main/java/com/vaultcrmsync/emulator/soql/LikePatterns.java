package com.vaultcrmsync.emulator.soql;

import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * SOQL LIKE patterns as compiled regular expressions: {@code %} matches any run of characters,
 * {@code _} exactly one, everything else (escaped {@code \%} and {@code \_} included) itself,
 * ignoring case as Salesforce does.
 */
final class LikePatterns {
  private LikePatterns() {}

  /**
   * @param value the string literal's unescaped value
   * @param wildcards positions in {@code value} of unescaped wildcards
   */
  static Pattern compile(String value, BitSet wildcards) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (wildcards != null && wildcards.get(i)) {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(
        regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }
}
