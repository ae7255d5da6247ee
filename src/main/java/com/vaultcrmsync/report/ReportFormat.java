package com.vaultcrmsync.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A human-readable rendering of a run report. It streams to a {@link Writer} a few notes at a time,
 * so a report of a large vault is never held as one String; {@link #render(RunReport)} gives the
 * same text for small uses and tests.
 */
public interface ReportFormat {

  /**
   * Writes the report to {@code out}; does not close it.
   *
   * @throws IOException when {@code out} fails
   */
  void render(RunReport report, Writer out) throws IOException;

  /** The same text as {@link #render(RunReport, Writer)} writes. */
  default String render(RunReport report) {
    StringWriter out = new StringWriter();
    try {
      render(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out.toString();
  }
}
