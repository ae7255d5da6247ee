package com.vaultcrmsync.sync;

/**
 * Why a run stopped before it finished: a safety rule, the API budget, a CRM failure (all {@code
 * halted}, exit 3) or a vault that cannot be read ({@code failed}). {@link #message()} is the
 * report's {@code run.message}, word for word.
 */
public sealed interface Halt permits SafetyHalt, BudgetHalt, CrmFailure, VaultFailure {
  String message();
}
