package com.vaultcrmsync.emulator.soql.parse;

import com.vaultcrmsync.emulator.soql.parse.ParsedQuery.NameRef;
import java.util.List;

/** A WHERE expression as written. */
public sealed interface Condition {

  /** All of the parts hold. */
  record And(List<Condition> parts) implements Condition {}

  /** Any of the parts holds. */
  record Or(List<Condition> parts) implements Condition {}

  /** The part does not hold. */
  record Not(Condition part) implements Condition {}

  /**
   * {@code field op value} with {@code op} one of {@code = != <> < <= > >=}.
   *
   * @param opOffset where the operator stands, for error messages
   */
  record Compare(NameRef field, String op, Literal value, int opOffset) implements Condition {}

  /** {@code field [NOT] IN (values)}. */
  record In(NameRef field, boolean negated, List<Literal> values) implements Condition {}

  /** {@code field LIKE pattern}. */
  record Like(NameRef field, Literal pattern) implements Condition {}
}
