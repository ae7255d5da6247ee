package com.vaultcrmsync.emulator.org;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * DailyApiRequests: calls counted in the current UTC day against a maximum. The count starts over
 * when the day changes; the maximum can be changed at run time (fault injection).
 */
public final class DailyUsage {

  private final Clock clock;
  private LocalDate day;
  private int used;
  private int max;

  public DailyUsage(Clock clock, int max) {
    this.clock = clock;
    this.max = max;
    this.day = today();
  }

  /** Counts one call; false (and not counted) when the day's maximum is already used up. */
  public synchronized boolean tryCount() {
    roll();
    if (used >= max) {
      return false;
    }
    used++;
    return true;
  }

  public synchronized int used() {
    roll();
    return used;
  }

  public synchronized int max() {
    return max;
  }

  public synchronized void setMax(int value) {
    max = value;
  }

  synchronized void restore(LocalDate savedDay, int savedUsed) {
    if (savedDay != null && savedDay.equals(today())) {
      used = savedUsed;
      day = savedDay;
    }
  }

  synchronized LocalDate day() {
    roll();
    return day;
  }

  public synchronized void reset() {
    used = 0;
    day = today();
  }

  /** The {@code Sforce-Limit-Info} header value. */
  public synchronized String header() {
    roll();
    return "api-usage=" + used + "/" + max;
  }

  private void roll() {
    LocalDate now = today();
    if (!now.equals(day)) {
      day = now;
      used = 0;
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
