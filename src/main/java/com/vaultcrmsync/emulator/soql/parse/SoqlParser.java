package com.vaultcrmsync.emulator.soql.parse;

import com.vaultcrmsync.emulator.soql.parse.ParsedQuery.NameRef;
import com.vaultcrmsync.emulator.soql.parse.ParsedQuery.NumberRef;
import com.vaultcrmsync.emulator.soql.parse.ParsedQuery.OrderKey;
import com.vaultcrmsync.emulator.soql.parse.ParsedQuery.SelectItem;
import com.vaultcrmsync.emulator.soql.parse.SoqlToken.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for the SOQL subset the emulator answers:
 *
 * <pre>
 * query     := SELECT item (',' item)* FROM name [alias] [WHERE or] [ORDER BY key (',' key)*]
 *              [LIMIT int] [OFFSET int]
 * item      := COUNT '(' ')' | path
 * or        := and (OR and)*            -- AND and OR may not be mixed without parentheses
 * and       := unary (AND unary)*
 * unary     := NOT unary | '(' or ')' | path op literal | path [NOT] IN '(' literal, … ')'
 *              | path LIKE literal
 * key       := path [ASC|DESC] [NULLS FIRST|NULLS LAST]
 * </pre>
 *
 * Keywords are case-insensitive. Anything else is a {@code MALFORMED_QUERY} naming the first
 * unexpected token, as Salesforce does.
 */
public final class SoqlParser {
  private static final Set<String> CLAUSE_WORDS =
      Set.of(
          "WHERE",
          "ORDER",
          "LIMIT",
          "OFFSET",
          "GROUP",
          "HAVING",
          "WITH",
          "FOR",
          "USING",
          "UPDATE",
          "ALL",
          "VIEW",
          "REFERENCE",
          "TRACKING",
          "AND",
          "OR",
          "NOT",
          "FROM",
          "SELECT",
          "BY");

  private final String soql;
  private final List<SoqlToken> tokens;
  private int index;

  private SoqlParser(String soql, List<SoqlToken> tokens) {
    this.soql = soql;
    this.tokens = tokens;
  }

  /** The statement's structure, or a {@code MALFORMED_QUERY} exception. */
  public static ParsedQuery parse(String soql) throws SoqlException {
    if (soql == null || soql.isBlank()) {
      throw new SoqlException("MALFORMED_QUERY", "SOQL statements cannot be empty or null");
    }
    return new SoqlParser(soql, SoqlLexer.tokenize(soql)).query();
  }

  private ParsedQuery query() throws SoqlException {
    expectKeyword("SELECT");
    List<SelectItem> select = new ArrayList<>();
    do {
      select.add(selectItem());
    } while (accept(Kind.COMMA));
    expectKeyword("FROM");
    SoqlToken object = expect(Kind.IDENT);
    NameRef from = new NameRef(List.of(object.text()), object.offset());
    String alias = null;
    if (peek().kind() == Kind.IDENT && !isClauseWord(peek())) {
      alias = next().text();
    }
    Condition where = null;
    if (acceptKeyword("WHERE")) {
      where = or();
    }
    List<OrderKey> orderBy = new ArrayList<>();
    if (acceptKeyword("ORDER")) {
      expectKeyword("BY");
      do {
        orderBy.add(orderKey());
      } while (accept(Kind.COMMA));
    }
    Integer limit = null;
    if (acceptKeyword("LIMIT")) {
      limit = nonNegativeInt().value();
    }
    NumberRef offset = null;
    if (acceptKeyword("OFFSET")) {
      offset = nonNegativeInt();
    }
    if (peek().kind() != Kind.EOF) {
      throw unexpected(peek());
    }
    return new ParsedQuery(select, from, alias, where, orderBy, limit, offset);
  }

  private SelectItem selectItem() throws SoqlException {
    SoqlToken first = peek();
    if (first.kind() == Kind.IDENT && peekAt(1).kind() == Kind.LPAREN) {
      if (!first.isKeyword("COUNT") || peekAt(2).kind() != Kind.RPAREN) {
        String what =
            first.isKeyword("FIELDS") ? "FIELDS()" : "aggregate functions other than COUNT()";
        throw SoqlException.at(
            soql,
            first.offset(),
            "MALFORMED_QUERY",
            "unexpected token: '"
                + first.text()
                + "' ("
                + what
                + " are not supported by the emulator)");
      }
      index += 3;
      return new SelectItem(null, first.offset());
    }
    if (first.kind() == Kind.LPAREN) {
      throw SoqlException.at(
          soql,
          first.offset(),
          "MALFORMED_QUERY",
          "unexpected token: '(' (subqueries are not supported by the emulator)");
    }
    return new SelectItem(path(), first.offset());
  }

  private NameRef path() throws SoqlException {
    SoqlToken first = expect(Kind.IDENT);
    if (isClauseWord(first)) {
      throw unexpected(first);
    }
    List<String> parts = new ArrayList<>();
    parts.add(first.text());
    while (accept(Kind.DOT)) {
      parts.add(expect(Kind.IDENT).text());
    }
    return new NameRef(List.copyOf(parts), first.offset());
  }

  private OrderKey orderKey() throws SoqlException {
    NameRef field = path();
    boolean descending = false;
    if (acceptKeyword("DESC")) {
      descending = true;
    } else {
      acceptKeyword("ASC");
    }
    Boolean nullsFirst = null;
    if (acceptKeyword("NULLS")) {
      if (acceptKeyword("FIRST")) {
        nullsFirst = true;
      } else if (acceptKeyword("LAST")) {
        nullsFirst = false;
      } else {
        throw unexpected(peek());
      }
    }
    return new OrderKey(field, descending, nullsFirst);
  }

  private NumberRef nonNegativeInt() throws SoqlException {
    SoqlToken token = peek();
    if (token.kind() != Kind.NUMBER) {
      throw unexpected(token);
    }
    BigDecimal value = (BigDecimal) token.value();
    if (value.signum() < 0
        || value.scale() > 0
        || value.compareTo(BigDecimal.valueOf(1L << 30)) > 0) {
      throw unexpected(token);
    }
    index++;
    return new NumberRef(value.intValueExact(), token.offset());
  }

  private Condition or() throws SoqlException {
    Condition first = unary();
    String connective = null;
    List<Condition> parts = new ArrayList<>(List.of(first));
    while (peek().isKeyword("AND") || peek().isKeyword("OR")) {
      String word = peek().text().toUpperCase(Locale.ROOT);
      if (connective != null && !connective.equals(word)) {
        // Salesforce requires parentheses when AND and OR are combined.
        throw unexpected(peek());
      }
      connective = word;
      index++;
      parts.add(unary());
    }
    if (connective == null) {
      return first;
    }
    return connective.equals("AND")
        ? new Condition.And(List.copyOf(parts))
        : new Condition.Or(List.copyOf(parts));
  }

  private Condition unary() throws SoqlException {
    if (acceptKeyword("NOT")) {
      return new Condition.Not(unary());
    }
    if (accept(Kind.LPAREN)) {
      Condition inner = or();
      expect(Kind.RPAREN);
      return inner;
    }
    NameRef field = path();
    SoqlToken token = peek();
    if (token.kind() == Kind.OPERATOR) {
      index++;
      String op = token.text().equals("<>") ? "!=" : token.text();
      return new Condition.Compare(field, op, literal(), token.offset());
    }
    if (acceptKeyword("LIKE")) {
      return new Condition.Like(field, literal());
    }
    boolean negated = false;
    if (token.isKeyword("NOT") && peekAt(1).isKeyword("IN")) {
      index++;
      negated = true;
    }
    if (acceptKeyword("IN")) {
      expect(Kind.LPAREN);
      List<Literal> values = new ArrayList<>();
      do {
        values.add(literal());
      } while (accept(Kind.COMMA));
      expect(Kind.RPAREN);
      return new Condition.In(field, negated, List.copyOf(values));
    }
    throw unexpected(peek());
  }

  private Literal literal() throws SoqlException {
    SoqlToken token = next();
    switch (token.kind()) {
      case STRING:
        return new Literal.Text(token.text(), token.wildcards(), token.offset());
      case NUMBER:
        return new Literal.Number((BigDecimal) token.value(), token.offset());
      case DATE:
        return new Literal.Date((LocalDate) token.value(), token.offset());
      case DATETIME:
        return new Literal.DateTime((Instant) token.value(), token.offset());
      case IDENT:
        return wordLiteral(token);
      default:
        throw unexpected(token);
    }
  }

  private Literal wordLiteral(SoqlToken token) throws SoqlException {
    String word = token.text().toUpperCase(Locale.ROOT);
    switch (word) {
      case "NULL":
        return new Literal.Null(token.offset());
      case "TRUE":
        return new Literal.Bool(true, token.offset());
      case "FALSE":
        return new Literal.Bool(false, token.offset());
      default:
        break;
    }
    if (RelativeDates.isPlain(word)) {
      return new Literal.Relative(word, null, token.offset());
    }
    if (RelativeDates.takesNumber(word)) {
      expect(Kind.COLON);
      return new Literal.Relative(word, nonNegativeInt().value(), token.offset());
    }
    throw unexpected(token);
  }

  private boolean isClauseWord(SoqlToken token) {
    return token.kind() == Kind.IDENT
        && CLAUSE_WORDS.contains(token.text().toUpperCase(Locale.ROOT));
  }

  private SoqlToken peek() {
    return tokens.get(index);
  }

  private SoqlToken peekAt(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  private SoqlToken next() {
    SoqlToken token = tokens.get(index);
    if (token.kind() != Kind.EOF) {
      index++;
    }
    return token;
  }

  private boolean accept(Kind kind) {
    if (peek().kind() == kind) {
      index++;
      return true;
    }
    return false;
  }

  private boolean acceptKeyword(String word) {
    if (peek().isKeyword(word)) {
      index++;
      return true;
    }
    return false;
  }

  private SoqlToken expect(Kind kind) throws SoqlException {
    if (peek().kind() != kind) {
      throw unexpected(peek());
    }
    return next();
  }

  private void expectKeyword(String word) throws SoqlException {
    if (!acceptKeyword(word)) {
      throw unexpected(peek());
    }
  }

  private SoqlException unexpected(SoqlToken token) {
    String shown = token.kind() == Kind.EOF ? "<EOF>" : "'" + token.text() + "'";
    return SoqlException.at(soql, token.offset(), "MALFORMED_QUERY", "unexpected token: " + shown);
  }
}
