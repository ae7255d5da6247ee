package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.sync.ApiBudget;
import com.vaultcrmsync.sync.state.StateStore;
import java.time.Clock;
import java.time.Instant;

/**
 * Where this run's CRM pulls started and what they saw, and so where the next run's pull starts:
 * the org's newest Account stamp on a first load (the seed), when the first pull began, the newest
 * change read and the first change left for the next run. Whether the changed notes of a first load
 * go through in batches (an empty org with nothing linked) is decided here too, with the seed.
 */
final class PullWindow {
  private Instant seed;
  private boolean stampRead;
  private boolean orgEmpty;
  private boolean streamed;
  private Instant pullStart;
  private Instant newestStamp;
  private Instant resumeAt;
  private boolean pullIncomplete;

  /** Whether the first watermark was read (at most once a run). */
  boolean stampRead() {
    return stampRead;
  }

  /** The org held no Account when the first watermark was read: no note is matched by name. */
  boolean orgEmpty() {
    return orgEmpty;
  }

  /** The changed notes of this first load go through in batches, matched, planned and written. */
  boolean streamed() {
    return streamed;
  }

  /**
   * Reads the org's newest Account stamp, the first watermark. An empty org (a first load) gets no
   * query to match notes by name, and when nothing was linked before, no note's plan depends on
   * another's and the safety rules (overwrites of linked accounts, deletes of known activities)
   * have nothing to count: its notes then go through in batches, so that memory does not grow with
   * the vault.
   *
   * @param nothingLinked the state links no Account to a note
   */
  void readFirstStamp(ApiBudget budget, CrmPull pull, boolean nothingLinked, boolean dryRun) {
    budget.require(1, "reading the first watermark");
    seed = pull.newestAccountStamp();
    stampRead = true;
    orgEmpty = seed == null;
    streamed = orgEmpty && nothingLinked && !dryRun;
  }

  /** The first pull begins now, unless one began before (the clock is then not read). */
  void pullBegins(Clock clock) {
    if (pullStart == null) {
      pullStart = clock.instant();
    }
  }

  /** The counting pass of a batched run begins its pull at {@code now}. */
  void batchedPullBegins(Instant now) {
    pullStart = now;
  }

  /** Takes in what one pull saw: its newest stamp, and the earliest change it left. */
  void pulled(CrmPull.Result pulled) {
    newestStamp = latest(newestStamp, pulled.newestStamp);
    if (pulled.resumeAt != null && (resumeAt == null || pulled.resumeAt.isBefore(resumeAt))) {
      resumeAt = pulled.resumeAt;
    }
  }

  /** Takes in what the pull of a batched run saw, which is the run's only pull. */
  void batchedPulled(CrmPull.Result pulled) {
    newestStamp = latest(newestStamp, pulled.newestStamp);
    resumeAt = pulled.resumeAt;
  }

  /** A CRM change was not applied to its note: the watermark must not pass it. */
  void incomplete() {
    pullIncomplete = true;
  }

  /**
   * Stores the next run's watermark (and audits it) unless a change was not applied or it did not
   * move.
   *
   * @param watermark this run's watermark, or null on a first load
   */
  void advance(StateStore state, String runId, Instant watermark) {
    if (pullIncomplete) {
      return;
    }
    // Past a quiet spell the watermark still moves to when this pull began, so that the next
    // run does not read the lookback window before the newest change again and again (the
    // lookback covers clock skew and late commits around that instant, as around any other).
    // An empty org thus starts from this run's start, with no extra call after the writes.
    Instant next = latest(latest(latest(watermark, newestStamp), seed), pullStart);
    if (resumeAt != null) {
      // More CRM changes than one run applies (sync.pull.max-changes): the next run
      // resumes at the first one left, even if that is before this run's watermark.
      next = resumeAt;
    }
    if (next != null && !next.equals(watermark)) {
      state.putWatermark(next);
      state.audit(runId, "state", "watermark", "pull", String.valueOf(watermark), next.toString());
    }
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
