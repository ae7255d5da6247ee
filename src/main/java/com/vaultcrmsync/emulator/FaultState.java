package com.vaultcrmsync.emulator;

import java.util.concurrent.atomic.AtomicLong;

/** The faults in force and the request counter they count on. */
final class FaultState {

  private volatile Faults faults = Faults.NONE;
  private final AtomicLong requests = new AtomicLong();

  Faults faults() {
    return faults;
  }

  void set(Faults value) {
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
