package com.vaultcrmsync.emulator.soql.parse;

import com.vaultcrmsync.emulator.soql.parse.SoqlToken.Kind;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Splits a SOQL statement into tokens by hand: identifiers, single-quoted strings with Salesforce's
 * escapes, numbers, unquoted date and datetime literals in every form clients send ({@code
 * 2025-01-01}, {@code …T00:00:00Z}, {@code …T00:00:00.000Z}, {@code …+00:00}, {@code …+0000}),
 * punctuation and comparison operators.
 */
final class SoqlLexer {
  private final String soql;
  private int pos;

  private SoqlLexer(String soql) {
    this.soql = soql;
  }

  /** The statement's tokens, ending with an EOF token. */
  static List<SoqlToken> tokenize(String soql) throws SoqlException {
    SoqlLexer lexer = new SoqlLexer(soql);
    List<SoqlToken> tokens = new ArrayList<>();
    SoqlToken token;
    do {
      token = lexer.next();
      tokens.add(token);
    } while (token.kind() != Kind.EOF);
    return tokens;
  }

  private SoqlToken next() throws SoqlException {
    while (pos < soql.length() && Character.isWhitespace(soql.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos >= soql.length()) {
      return new SoqlToken(Kind.EOF, "", start, null, null);
    }
    char c = soql.charAt(pos);
    if (isIdentStart(c)) {
      while (pos < soql.length() && isIdentPart(soql.charAt(pos))) {
        pos++;
      }
      return new SoqlToken(Kind.IDENT, soql.substring(start, pos), start, null, null);
    }
    if (isDigit(c) || ((c == '-' || c == '+') && pos + 1 < soql.length() && isDigit(at(1)))) {
      return number(start);
    }
    if (c == '\'') {
      return string(start);
    }
    pos++;
    switch (c) {
      case '(':
        return simple(Kind.LPAREN, start);
      case ')':
        return simple(Kind.RPAREN, start);
      case ',':
        return simple(Kind.COMMA, start);
      case '.':
        return simple(Kind.DOT, start);
      case ':':
        return simple(Kind.COLON, start);
      case '=':
        return simple(Kind.OPERATOR, start);
      case '!':
        if (pos < soql.length() && soql.charAt(pos) == '=') {
          pos++;
          return simple(Kind.OPERATOR, start);
        }
        break;
      case '<':
        if (pos < soql.length() && (soql.charAt(pos) == '=' || soql.charAt(pos) == '>')) {
          pos++;
        }
        return simple(Kind.OPERATOR, start);
      case '>':
        if (pos < soql.length() && soql.charAt(pos) == '=') {
          pos++;
        }
        return simple(Kind.OPERATOR, start);
      default:
        break;
    }
    throw SoqlException.at(
        soql, start, "MALFORMED_QUERY", "unexpected token: '" + soql.substring(start, pos) + "'");
  }

  private SoqlToken simple(Kind kind, int start) {
    return new SoqlToken(kind, soql.substring(start, pos), start, null, null);
  }

  private SoqlToken number(int start) throws SoqlException {
    if (looksLikeDate()) {
      return dateOrDateTime(start);
    }
    if (soql.charAt(pos) == '-' || soql.charAt(pos) == '+') {
      pos++;
    }
    skipDigits();
    if (pos < soql.length() && soql.charAt(pos) == '.' && pos + 1 < soql.length()) {
      if (isDigit(at(1))) {
        pos++;
        skipDigits();
      }
    }
    if (pos < soql.length() && isIdentPart(soql.charAt(pos))) {
      throw malformedAt(start);
    }
    String text = soql.substring(start, pos);
    return new SoqlToken(Kind.NUMBER, text, start, new BigDecimal(text), null);
  }

  private boolean looksLikeDate() {
    return pos + 10 <= soql.length()
        && digitsAt(pos, 4)
        && soql.charAt(pos + 4) == '-'
        && digitsAt(pos + 5, 2)
        && soql.charAt(pos + 7) == '-'
        && digitsAt(pos + 8, 2);
  }

  private SoqlToken dateOrDateTime(int start) throws SoqlException {
    pos += 10;
    try {
      LocalDate date = LocalDate.parse(soql.substring(start, pos));
      if (pos >= soql.length() || (soql.charAt(pos) != 'T' && soql.charAt(pos) != 't')) {
        if (pos < soql.length() && isIdentPart(soql.charAt(pos))) {
          throw malformedAt(start);
        }
        return new SoqlToken(Kind.DATE, soql.substring(start, pos), start, date, null);
      }
      pos++;
      LocalTime time = time(start);
      ZoneOffset offset = zone(start);
      if (pos < soql.length() && isIdentPart(soql.charAt(pos))) {
        throw malformedAt(start);
      }
      return new SoqlToken(
          Kind.DATETIME,
          soql.substring(start, pos),
          start,
          date.atTime(time).toInstant(offset),
          null);
    } catch (DateTimeException e) {
      throw malformedAt(start);
    }
  }

  private LocalTime time(int start) throws SoqlException {
    if (!(pos + 8 <= soql.length()
        && digitsAt(pos, 2)
        && soql.charAt(pos + 2) == ':'
        && digitsAt(pos + 3, 2)
        && soql.charAt(pos + 5) == ':'
        && digitsAt(pos + 6, 2))) {
      throw malformedAt(start);
    }
    int hour = Integer.parseInt(soql.substring(pos, pos + 2));
    int minute = Integer.parseInt(soql.substring(pos + 3, pos + 5));
    int second = Integer.parseInt(soql.substring(pos + 6, pos + 8));
    pos += 8;
    int nanos = 0;
    if (pos < soql.length() && soql.charAt(pos) == '.') {
      int fractionStart = ++pos;
      skipDigits();
      int digits = pos - fractionStart;
      if (digits == 0 || digits > 9) {
        throw malformedAt(start);
      }
      String fraction = soql.substring(fractionStart, pos) + "0".repeat(9 - digits);
      nanos = Integer.parseInt(fraction);
    }
    return LocalTime.of(hour, minute, second, nanos);
  }

  private ZoneOffset zone(int start) throws SoqlException {
    if (pos < soql.length() && (soql.charAt(pos) == 'Z' || soql.charAt(pos) == 'z')) {
      pos++;
      return ZoneOffset.UTC;
    }
    if (pos < soql.length() && (soql.charAt(pos) == '+' || soql.charAt(pos) == '-')) {
      int sign = soql.charAt(pos) == '-' ? -1 : 1;
      pos++;
      if (!digitsAt(pos, 2)) {
        throw malformedAt(start);
      }
      int hours = Integer.parseInt(soql.substring(pos, pos + 2));
      pos += 2;
      if (pos < soql.length() && soql.charAt(pos) == ':') {
        pos++;
      }
      if (!digitsAt(pos, 2)) {
        throw malformedAt(start);
      }
      int minutes = Integer.parseInt(soql.substring(pos, pos + 2));
      pos += 2;
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    // Salesforce rejects a datetime without a zone designator.
    throw malformedAt(start);
  }

  private SoqlToken string(int start) throws SoqlException {
    pos++;
    StringBuilder value = new StringBuilder();
    BitSet wildcards = new BitSet();
    while (pos < soql.length()) {
      char c = soql.charAt(pos++);
      if (c == '\'') {
        return new SoqlToken(Kind.STRING, value.toString(), start, null, wildcards);
      }
      if (c != '\\') {
        if (c == '%' || c == '_') {
          wildcards.set(value.length());
        }
        value.append(c);
        continue;
      }
      if (pos >= soql.length()) {
        break;
      }
      char escaped = soql.charAt(pos++);
      switch (escaped) {
        case '\'', '"', '\\', '%', '_' -> value.append(escaped);
        case 'n' -> value.append('\n');
        case 't' -> value.append('\t');
        case 'r' -> value.append('\r');
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'u' -> value.append(unicodeEscape(start));
        default ->
            throw SoqlException.at(
                soql,
                start,
                "MALFORMED_QUERY",
                "Invalid string literal '"
                    + soql.substring(start + 1, pos)
                    + "'. Illegal character sequence '\\"
                    + escaped
                    + "' in string literal.");
      }
    }
    throw SoqlException.at(
        soql,
        start,
        "MALFORMED_QUERY",
        "line 1:" + start + " mismatched character '<EOF>' expecting '''");
  }

  private char unicodeEscape(int start) throws SoqlException {
    if (pos + 4 > soql.length()) {
      throw malformedAt(start);
    }
    try {
      char c = (char) Integer.parseInt(soql.substring(pos, pos + 4), 16);
      pos += 4;
      return c;
    } catch (NumberFormatException e) {
      throw malformedAt(start);
    }
  }

  private SoqlException malformedAt(int start) {
    int end = pos;
    while (end < soql.length() && !Character.isWhitespace(soql.charAt(end))) {
      end++;
    }
    return SoqlException.at(
        soql, start, "MALFORMED_QUERY", "unexpected token: '" + soql.substring(start, end) + "'");
  }

  private void skipDigits() {
    while (pos < soql.length() && isDigit(soql.charAt(pos))) {
      pos++;
    }
  }

  private boolean digitsAt(int from, int count) {
    if (from + count > soql.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!isDigit(soql.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private char at(int ahead) {
    return soql.charAt(pos + ahead);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
