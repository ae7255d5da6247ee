package com.vaultcrmsync.app;

import com.vaultcrmsync.sync.SyncProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a run's progress: on a terminal one line on stderr rewritten in place ({@code \r}) with
 * counts, rate and ETA; otherwise a plain log line every {@code logEvery} (so daemon and CI logs
 * stay readable). Short runs show nothing: output starts only after {@code quietFor}.
 */
public final class ProgressReporter implements SyncProgress {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

  private final PrintStream terminal;
  private final LongSupplier clock;
  private final long quietNanos;
  private final long everyNanos;
  private long startedAt = -1;
  private long phaseStartedAt;
  private long lastShown;
  private String phase = "";
  private boolean shownOnTerminal;

  /**
   * @param terminal where to draw the in-place line, or null to log instead
   * @param clock nanosecond time source
   * @param quietFor nothing is shown before the run has lasted this long
   * @param every least time between two updates (terminal) or two log lines (log)
   */
  public ProgressReporter(
      PrintStream terminal, LongSupplier clock, Duration quietFor, Duration every) {
    this.terminal = terminal;
    this.clock = clock;
    this.quietNanos = quietFor.toNanos();
    this.everyNanos = every.toNanos();
  }

  /** A terminal display when a console is attached, else log lines every 10 seconds. */
  public static ProgressReporter forThisProcess() {
    boolean console = System.console() != null;
    return new ProgressReporter(
        console ? System.err : null,
        System::nanoTime,
        Duration.ofSeconds(2),
        console ? Duration.ofMillis(200) : Duration.ofSeconds(10));
  }

  @Override
  public synchronized void update(String newPhase, int done, int total) {
    long now = clock.getAsLong();
    if (startedAt < 0) {
      startedAt = now;
      lastShown = now;
    }
    if (!newPhase.equals(phase)) {
      phase = newPhase;
      phaseStartedAt = now;
    }
    if (now - startedAt < quietNanos || now - lastShown < everyNanos) {
      return;
    }
    lastShown = now;
    String line = describe(newPhase, done, total, now - phaseStartedAt);
    if (terminal != null) {
      terminal.print("\r" + line + "\u001b[K");
      terminal.flush();
      shownOnTerminal = true;
    } else {
      LOG.info("Progress: {}", line);
    }
  }

  @Override
  public synchronized void finished() {
    if (terminal != null && shownOnTerminal) {
      terminal.print("\r\u001b[K");
      terminal.flush();
    }
    startedAt = -1;
    phase = "";
    shownOnTerminal = false;
  }

  /** E.g. {@code reading notes 1200/5000 (24%), 400/s, ETA 10s}. */
  static String describe(String phase, int done, int total, long elapsedNanos) {
    StringBuilder s = new StringBuilder(phase).append(' ').append(done);
    if (total >= 0) {
      s.append('/').append(total);
      if (total > 0) {
        s.append(String.format(Locale.ROOT, " (%d%%)", done * 100L / total));
      }
    }
    double seconds = elapsedNanos / 1e9;
    if (done > 0 && seconds > 0) {
      double rate = done / seconds;
      s.append(String.format(Locale.ROOT, ", %.0f/s", rate));
      if (total > done) {
        s.append(", ETA ").append(eta((long) Math.ceil((total - done) / rate)));
      }
    }
    return s.toString();
  }

  private static String eta(long seconds) {
    return seconds < 60
        ? seconds + "s"
        : seconds < 3600
            ? seconds / 60 + "m" + seconds % 60 + "s"
            : seconds / 3600 + "h" + seconds % 3600 / 60 + "m";
  }
}
