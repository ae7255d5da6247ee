package com.vaultcrmsync.crm;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Measures each write call of a gateway and hands its server-time window ({@link
 * ServerClock#toServer}) to the listeners, the call's failure included: a call that failed may
 * still have written some of its records.
 */
final class WriteWindows {
  private final ServerClock clock;
  private final List<Consumer<OwnWrites.Window>> listeners = new CopyOnWriteArrayList<>();

  WriteWindows(ServerClock clock) {
    this.clock = clock;
  }

  void listen(Consumer<OwnWrites.Window> listener) {
    listeners.add(listener);
  }

  /** Runs one write call and reports its window. */
  <T> T during(Supplier<T> call) {
    Instant from = clock.now();
    try {
      return call.get();
    } finally {
      if (!listeners.isEmpty()) {
        OwnWrites.Window window = clock.toServer(from, clock.now());
        listeners.forEach(l -> l.accept(window));
      }
    }
  }
}
