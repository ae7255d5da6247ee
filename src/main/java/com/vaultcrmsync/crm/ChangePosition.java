package com.vaultcrmsync.crm;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a {@link ChangeSource} reads from, as Debezium keeps an offset: a small value the sync
 * stores between runs and hands back. For {@code queryAll} polling it is the watermark (the {@code
 * SystemModstamp} up to which every change was applied) and the lookback read again before it, for
 * clock skew and commits that landed late: changes are read from {@link #since()}.
 *
 * <p>Within that window the sync's own pushes are not read again: {@code ownWrites} names the
 * integration user and the server-time windows of its pushes, which the source excludes in its
 * query ({@link OwnWrites#soqlFilter()}).
 *
 * @param watermark the stamp the last completed pull covered
 * @param lookback how far before the watermark to read again; zero or more
 * @param ownWrites the sync's own pushes the source leaves out; {@link OwnWrites#NONE} for none
 */
public record ChangePosition(Instant watermark, Duration lookback, OwnWrites ownWrites) {
  public ChangePosition {
    Objects.requireNonNull(watermark, "watermark");
    ownWrites = ownWrites == null ? OwnWrites.NONE : ownWrites;
    if (lookback.isNegative()) {
      throw new IllegalArgumentException("lookback must not be negative: " + lookback);
    }
  }

  /** A position that excludes nothing. */
  public ChangePosition(Instant watermark, Duration lookback) {
    this(watermark, lookback, OwnWrites.NONE);
  }

  /** The same position, leaving out {@code own} (only the windows that reach {@link #since()}). */
  public ChangePosition excluding(OwnWrites own) {
    return new ChangePosition(watermark, lookback, own.from(since()));
  }

  /** The earliest {@code SystemModstamp} read: the watermark minus the lookback. */
  public Instant since() {
    return watermark.minus(lookback);
  }
}
