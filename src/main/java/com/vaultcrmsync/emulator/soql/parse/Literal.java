package com.vaultcrmsync.emulator.soql.parse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.BitSet;

/** A literal value in a WHERE clause, with the offset where it stands. */
public sealed interface Literal {

  int offset();

  /** A quoted string; {@code wildcards} marks unescaped {@code %} and {@code _}. */
  record Text(String value, BitSet wildcards, int offset) implements Literal {}

  /** An unquoted number. */
  record Number(BigDecimal value, int offset) implements Literal {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value, int offset) implements Literal {}

  /** {@code null}. */
  record Null(int offset) implements Literal {}

  /** A date such as {@code 2025-01-01}. */
  record Date(LocalDate value, int offset) implements Literal {}

  /** A datetime such as {@code 2025-01-01T00:00:00Z}, in UTC. */
  record DateTime(Instant value, int offset) implements Literal {}

  /**
   * A relative date literal such as {@code TODAY} or {@code LAST_N_DAYS:30}.
   *
   * @param name the literal's name in upper case
   * @param n the number after the colon, or null
   */
  record Relative(String name, Integer n, int offset) implements Literal {}
}
