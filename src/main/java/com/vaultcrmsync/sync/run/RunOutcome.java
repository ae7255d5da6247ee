package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.sync.Halt;
import com.vaultcrmsync.sync.VaultFailure;
import java.util.Locale;
import java.util.Optional;

/**
 * How a run ended: the report's {@code run.outcome} and the exit code of {@code sync} (DESIGN §5).
 *
 * @param kind the outcome
 * @param halt why it stopped, for {@code HALTED} and {@code FAILED}
 */
public record RunOutcome(Kind kind, Optional<Halt> halt) {
  /** The outcomes, with their report labels and exit codes. */
  public enum Kind {
    /** Everything synced: exit 0. */
    OK(0),
    /** Finished with record-level errors, ambiguous matches or reported conflicts: exit 1. */
    PARTIAL(1),
    /** Stopped by a safety rule, the API budget or a CRM failure: exit 3. */
    HALTED(3),
    /** The vault could not be read: exit 3. */
    FAILED(3);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }

    /** The report's {@code run.outcome}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a report label; an unknown label counts as halted. */
    public static Kind of(String label) {
      for (Kind k : values()) {
        if (k.label().equals(label)) {
          return k;
        }
      }
      return HALTED;
    }
  }

  /** A run that finished, {@code PARTIAL} when something needs a person. */
  static RunOutcome finished(boolean needsReview) {
    return new RunOutcome(needsReview ? Kind.PARTIAL : Kind.OK, Optional.empty());
  }

  /** A run that stopped: {@code FAILED} for the vault, else {@code HALTED}. */
  static RunOutcome stopped(Halt halt) {
    return new RunOutcome(
        halt instanceof VaultFailure ? Kind.FAILED : Kind.HALTED, Optional.of(halt));
  }

  /** The report's {@code run.message}, or null. */
  String message() {
    return halt.map(Halt::message).orElse(null);
  }
}
