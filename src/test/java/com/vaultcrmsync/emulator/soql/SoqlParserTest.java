package com.vaultcrmsync.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaultcrmsync.emulator.soql.parse.Condition;
import com.vaultcrmsync.emulator.soql.parse.Literal;
import com.vaultcrmsync.emulator.soql.parse.ParsedQuery;
import com.vaultcrmsync.emulator.soql.parse.SoqlException;
import com.vaultcrmsync.emulator.soql.parse.SoqlParser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the tokenizer and parser accept Salesforce's SOQL syntax and reject the rest as it does.
 */
class SoqlParserTest {

  @Test
  void keywordsAreCaseInsensitive() throws SoqlException {
    ParsedQuery query =
        SoqlParser.parse(
            "select Id, What.Name from Task t where Subject like 'A%' order by Id desc nulls"
                + " first limit 5 offset 2");
    assertThat(query.select()).hasSize(2);
    assertThat(query.select().get(1).field().path()).containsExactly("What", "Name");
    assertThat(query.from().dotted()).isEqualTo("Task");
    assertThat(query.alias()).isEqualTo("t");
    assertThat(query.where()).isInstanceOf(Condition.Like.class);
    assertThat(query.orderBy().get(0).descending()).isTrue();
    assertThat(query.orderBy().get(0).nullsFirst()).isTrue();
    assertThat(query.limit()).isEqualTo(5);
    assertThat(query.offset().value()).isEqualTo(2);
  }

  @Test
  void countIsASelectItem() throws SoqlException {
    ParsedQuery query = SoqlParser.parse("SELECT COUNT() FROM Account");
    assertThat(query.select()).singleElement().matches(ParsedQuery.SelectItem::isCount);
  }

  @Test
  void misspelledFromIsReportedWithSalesforcesCaretLayout() {
    assertThatThrownBy(() -> SoqlParser.parse("SELECT Id, Name FORM Account"))
        .isInstanceOf(SoqlException.class)
        .hasMessage(
            "\nSELECT Id, Name FORM Account\n                ^\nERROR at Row:1:Column:17\n"
                + "unexpected token: 'FORM'")
        .extracting(e -> ((SoqlException) e).errorCode())
        .isEqualTo("MALFORMED_QUERY");
  }

  @Test
  void errorsOnLaterLinesNameTheirRowAndColumn() {
    assertThatThrownBy(() -> SoqlParser.parse("SELECT Id\nFROM Task\nWHERE Subject = = 'x'"))
        .hasMessage(
            "\nWHERE Subject = = 'x'\n                ^\nERROR at Row:3:Column:17\n"
                + "unexpected token: '='");
  }

  @Test
  void aTruncatedQueryEndsInAnUnexpectedEof() {
    assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM"))
        .hasMessageEndingWith("unexpected token: <EOF>");
  }

  @Test
  void anEmptyQueryIsMalformed() {
    assertThatThrownBy(() -> SoqlParser.parse("  "))
        .isInstanceOf(SoqlException.class)
        .hasMessage("SOQL statements cannot be empty or null");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT Id FROM Task WHERE Subject = 'a' AND Status = 'b' OR Priority = 'c'",
        "SELECT Id FROM Task WHERE Subject = 'a' OR Status = 'b' AND Priority = 'c'",
        "SELECT Id FROM Task GROUP BY Subject",
        "SELECT Id FROM Task FOR UPDATE",
        "SELECT Id, (SELECT Id FROM Tasks) FROM Account",
        "SELECT MAX(ActivityDate) FROM Task",
        "SELECT COUNT(Id) FROM Task",
        "SELECT Id FROM Task WHERE Id IN (SELECT WhatId FROM Task)",
        "SELECT Id FROM Task LIMIT 'ten'",
        "SELECT Id FROM Task LIMIT -1",
        "SELECT Id FROM Task OFFSET 1.5",
        "SELECT Id FROM Task WHERE Subject = 'unterminated",
        "SELECT Id FROM Task WHERE Subject = 'bad \\q escape'",
        "SELECT Id FROM Task WHERE CreatedDate > 2025-01-01T00:00:00",
        "SELECT Id FROM Task WHERE CreatedDate > 2025-02-30T00:00:00Z",
        "SELECT Id FROM Task WHERE ActivityDate = 2025-13-01",
        "SELECT Id FROM Task WHERE ActivityDate = LAST_N_DAYS",
        "SELECT Id FROM Task WHERE ActivityDate = SOMEDAY",
        "SELECT Id FROM Task WHERE Subject NOT LIKE 'a%'",
        "SELECT Id FROM Task WHERE Subject = \"double\"",
        "SELECT Id FROM Task ORDER BY Subject NULLS",
        "SELECT Id, FROM Task",
        "SELECT Id FROM Task WHERE (Subject = 'a'",
        "SELECT Id FROM Task WHERE Subject = 'a' extra",
        "DELETE FROM Task"
      })
  void unsupportedOrInvalidSyntaxIsAMalformedQuery(String soql) {
    assertThatThrownBy(() -> SoqlParser.parse(soql))
        .isInstanceOf(SoqlException.class)
        .extracting(e -> ((SoqlException) e).errorCode())
        .isEqualTo("MALFORMED_QUERY");
  }

  @Test
  void andAndOrMixWhenParenthesised() throws SoqlException {
    ParsedQuery query =
        SoqlParser.parse(
            "SELECT Id FROM Task WHERE (Subject = 'a' OR Status = 'b') AND NOT Priority = 'c'");
    Condition.And and = (Condition.And) query.where();
    assertThat(and.parts().get(0)).isInstanceOf(Condition.Or.class);
    assertThat(and.parts().get(1)).isInstanceOf(Condition.Not.class);
  }

  @Test
  void stringEscapesAreDecodedAndEscapedWildcardsAreMarkedLiteral() throws SoqlException {
    ParsedQuery query =
        SoqlParser.parse(
            "SELECT Id FROM Task WHERE Subject LIKE 'it\\'s \\\\ \\n\\t\\\" 100\\% a\\_b %_'");
    Literal.Text text = (Literal.Text) ((Condition.Like) query.where()).pattern();
    assertThat(text.value()).isEqualTo("it's \\ \n\t\" 100% a_b %_");
    assertThat(text.wildcards().stream().boxed().toList())
        .containsExactly(text.value().length() - 2, text.value().length() - 1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-01-01T00:00:00Z",
        "2025-01-01T00:00:00.000Z",
        "2025-01-01T00:00:00+00:00",
        "2025-01-01T00:00:00.000+0000",
        "2025-01-01T00:00:00.000+00:00",
        "2025-01-01T02:00:00+02:00",
        "2024-12-31T19:00:00.000-0500",
        "2025-01-01t00:00:00z"
      })
  void everyClientDatetimeFormParsesToTheSameInstant(String literal) throws SoqlException {
    ParsedQuery query = SoqlParser.parse("SELECT Id FROM Task WHERE SystemModstamp >= " + literal);
    Literal value = ((Condition.Compare) query.where()).value();
    assertThat(((Literal.DateTime) value).value()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Test
  void fractionalSecondsAreKept() throws SoqlException {
    ParsedQuery query =
        SoqlParser.parse("SELECT Id FROM Task WHERE SystemModstamp > 2025-01-01T00:00:00.123Z");
    Literal value = ((Condition.Compare) query.where()).value();
    assertThat(((Literal.DateTime) value).value())
        .isEqualTo(Instant.parse("2025-01-01T00:00:00.123Z"));
  }

  @Test
  void literalsOfEveryKindAreRecognised() throws SoqlException {
    ParsedQuery query =
        SoqlParser.parse(
            "SELECT Id FROM Task WHERE Subject IN ('a', null, true, FALSE, -1.5, 42,"
                + " 2025-03-04, LAST_N_DAYS:30, today)");
    List<Literal> values = ((Condition.In) query.where()).values();
    assertThat(values)
        .extracting(Object::getClass)
        .containsExactly(
            (Class) Literal.Text.class,
            Literal.Null.class,
            Literal.Bool.class,
            Literal.Bool.class,
            Literal.Number.class,
            Literal.Number.class,
            Literal.Date.class,
            Literal.Relative.class,
            Literal.Relative.class);
    assertThat(((Literal.Date) values.get(6)).value()).isEqualTo(LocalDate.of(2025, 3, 4));
    assertThat(((Literal.Relative) values.get(7)).n()).isEqualTo(30);
    assertThat(((Literal.Relative) values.get(8)).name()).isEqualTo("TODAY");
  }

  @Test
  void notInAndDiamondOperatorAreUnderstood() throws SoqlException {
    ParsedQuery query =
        SoqlParser.parse("SELECT Id FROM Task WHERE Subject NOT IN ('a') AND Status <> 'b'");
    Condition.And and = (Condition.And) query.where();
    assertThat(((Condition.In) and.parts().get(0)).negated()).isTrue();
    assertThat(((Condition.Compare) and.parts().get(1)).op()).isEqualTo("!=");
  }
}
