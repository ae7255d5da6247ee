package com.vaultcrmsync.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a run report to {@code <dir>/<timestamp>-<mode>.{json,md,html}} and replaces {@code
 * <dir>/latest.{json,md,html}}; each file appears atomically (temp file, then rename). The JSON is
 * the contract; the Markdown and HTML renderings ({@link MarkdownReport}, {@link HtmlReport}) are
 * for people.
 */
public final class ReportWriter {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The report as JSON text. */
  public static String toJson(RunReport report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report records always serialise", e);
    }
  }

  /** Reads a JSON report back (for the report command and tests). */
  public static RunReport read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), RunReport.class);
  }

  /**
   * Writes the report; returns the timestamped file.
   *
   * @throws IOException when the folder cannot be created or written
   */
  public Path write(RunReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    String json = toJson(report);
    String mode = report.run().mode() + (report.run().dryRun() ? "-dry-run" : "");
    Path stamped = unique(dir, STAMP.format(Instant.parse(report.run().startedAt())) + "-" + mode);
    String md = new MarkdownReport().render(report);
    String html = new HtmlReport().render(report);
    String base = stamped.getFileName().toString().replaceFirst("\\.json$", "");
    atomicWrite(dir.resolve(base + ".md"), md);
    atomicWrite(dir.resolve(base + ".html"), html);
    atomicWrite(stamped, json);
    atomicWrite(dir.resolve("latest.md"), md);
    atomicWrite(dir.resolve("latest.html"), html);
    atomicWrite(dir.resolve("latest.json"), json);
    return stamped;
  }

  private static Path unique(Path dir, String base) {
    Path p = dir.resolve(base + ".json");
    for (int i = 2; Files.exists(p); i++) {
      p = dir.resolve(base + "-" + i + ".json");
    }
    return p;
  }

  /** Writes text to a file atomically (temp file in the same folder, then rename). */
  static void atomicWrite(Path target, String text) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), ".report-", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
