package com.vaultcrmsync.emulator.http;

import java.util.concurrent.atomic.AtomicLong;

/** The faults in force and the request counter they count on. */
public final class FaultState {

  private volatile Faults faults = Faults.NONE;
  private final AtomicLong requests = new AtomicLong();

  public Faults faults() {
    return faults;
  }

  public void set(Faults value) {
    faults = value;
    requests.set(0);
  }

  /** Counts a data API request; returns its number since the faults were set. */
  long nextRequest() {
    return requests.incrementAndGet();
  }

  static boolean every(long n, int every) {
    return every > 0 && n % every == 0;
  }
}
