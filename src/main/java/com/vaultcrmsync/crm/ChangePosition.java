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
 * @param watermark the stamp the last completed pull covered
 * @param lookback how far before the watermark to read again; zero or more
 */
public record ChangePosition(Instant watermark, Duration lookback) {
  public ChangePosition {
    Objects.requireNonNull(watermark, "watermark");
    if (lookback.isNegative()) {
      throw new IllegalArgumentException("lookback must not be negative: " + lookback);
    }
  }

  /** The earliest {@code SystemModstamp} read: the watermark minus the lookback. */
  public Instant since() {
    return watermark.minus(lookback);
  }
}
