package com.vaultcrmsync.sync.apply;

import com.vaultcrmsync.sync.plan.NoteOutcome;
import java.util.List;

/**
 * A write step stopped part-way (a CRM call failed as a whole, or the API budget ran out): carries
 * what it did before, which stays done and belongs in the report, and the failure as its cause.
 */
public final class WritesAborted extends RuntimeException {
  private final transient List<NoteOutcome> done;

  WritesAborted(List<NoteOutcome> done, RuntimeException cause) {
    super(cause.getMessage(), cause);
    this.done = List.copyOf(done);
  }

  /** What the step did before it stopped. */
  public List<NoteOutcome> done() {
    return done;
  }

  /** Why it stopped. */
  public RuntimeException failure() {
    return (RuntimeException) getCause();
  }
}
