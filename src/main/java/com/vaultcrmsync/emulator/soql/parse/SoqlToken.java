package com.vaultcrmsync.emulator.soql.parse;

import java.util.BitSet;

/**
 * One lexical token of a SOQL statement.
 *
 * @param kind what sort of token
 * @param text identifiers and operators as written; a string literal's unescaped value
 * @param offset 0-based position of the token's first character in the statement
 * @param value the parsed value of NUMBER ({@code BigDecimal}), DATE ({@code LocalDate}) and
 *     DATETIME ({@code Instant}) tokens, else null
 * @param wildcards for a STRING, the positions in {@code text} of unescaped LIKE wildcards ({@code
 *     %}, {@code _}); escaped {@code \%} and {@code \_} are plain characters
 */
record SoqlToken(Kind kind, String text, int offset, Object value, BitSet wildcards) {

  enum Kind {
    IDENT,
    STRING,
    NUMBER,
    DATE,
    DATETIME,
    LPAREN,
    RPAREN,
    COMMA,
    DOT,
    COLON,
    OPERATOR,
    EOF
  }

  /** Whether this is the keyword {@code word} (keywords are case-insensitive). */
  boolean isKeyword(String word) {
    return kind == Kind.IDENT && text.equalsIgnoreCase(word);
  }
}
