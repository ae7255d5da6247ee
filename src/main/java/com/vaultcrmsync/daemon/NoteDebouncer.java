package com.vaultcrmsync.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns an editor's burst of saves into one change: a note path is handed on once it has been quiet
 * for the configured time. The vault watch route calls {@link #changed} for every file event.
 */
public final class NoteDebouncer implements AutoCloseable {
  private final long quietNanos;
  private final Consumer<String> settled;
  private final Map<String, Long> lastSeen = new LinkedHashMap<>();
  private final ScheduledExecutorService ticker;

  /**
   * @param quiet how long a path must see no event before it is handed on
   * @param settled receives the vault-relative path ({@code /} separators)
   */
  public NoteDebouncer(Duration quiet, Consumer<String> settled) {
    this.quietNanos = quiet.toNanos();
    this.settled = settled;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vault-watch-debounce");
              t.setDaemon(true);
              return t;
            });
    long tick = Math.max(50, Math.min(250, quiet.toMillis() / 4));
    ticker.scheduleWithFixedDelay(this::flush, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** Records a change of the note at {@code relativePath} (either separator). */
  public synchronized void changed(String relativePath) {
    lastSeen.put(relativePath.replace('\\', '/'), System.nanoTime());
  }

  /** Paths seen but not handed on yet. */
  public synchronized int waiting() {
    return lastSeen.size();
  }

  private void flush() {
    long now = System.nanoTime();
    List<String> ready = new ArrayList<>();
    synchronized (this) {
      var it = lastSeen.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, Long> e = it.next();
        if (now - e.getValue() >= quietNanos) {
          ready.add(e.getKey());
          it.remove();
        }
      }
    }
    ready.forEach(settled);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
