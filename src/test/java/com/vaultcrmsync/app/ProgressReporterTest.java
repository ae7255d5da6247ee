package com.vaultcrmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Proves the progress line shows counts, rate and ETA in place, and stays silent for short runs.
 */
class ProgressReporterTest {
  private final AtomicLong now = new AtomicLong();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ProgressReporter reporter =
      new ProgressReporter(
          new PrintStream(bytes, true, StandardCharsets.UTF_8),
          now::get,
          Duration.ofSeconds(2),
          Duration.ofMillis(200));

  @Test
  void aLongRunShowsCountsRateAndEtaOnOneRewrittenLine() {
    reporter.update("reading notes", 0, 5000);
    now.set(Duration.ofSeconds(3).toNanos());
    reporter.update("reading notes", 1200, 5000);
    reporter.finished();

    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertThat(shown).startsWith("\rreading notes 1200/5000 (24%), 400/s, ETA 10s");
    assertThat(shown).endsWith("\r\u001b[K").doesNotContain("\n");
  }

  @Test
  void aShortRunShowsNothing() {
    reporter.update("reading notes", 0, 10);
    now.set(Duration.ofMillis(500).toNanos());
    reporter.update("reading notes", 10, 10);
    reporter.finished();
    assertThat(bytes.size()).isZero();
  }

  @Test
  void longEtasReadInMinutesAndHours() {
    assertThat(
            ProgressReporter.describe(
                "writing notes", 10, 100_000, Duration.ofSeconds(10).toNanos()))
        .isEqualTo("writing notes 10/100000 (0%), 1/s, ETA 27h46m");
  }
}
