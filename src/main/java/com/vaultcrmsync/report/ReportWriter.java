package com.vaultcrmsync.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

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
    StringWriter out = new StringWriter();
    try {
      writeJson(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out.toString();
  }

  /**
   * Writes the report as JSON to {@code out} as it is serialised (the same text as {@link
   * #toJson}). Does not close {@code out}.
   *
   * @throws IOException when {@code out} fails
   */
  public static void writeJson(RunReport report, Writer out) throws IOException {
    ReportJson.write(report, out);
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
    String mode = report.run().mode() + (report.run().dryRun() ? "-dry-run" : "");
    Path stamped = unique(dir, STAMP.format(Instant.parse(report.run().startedAt())) + "-" + mode);
    String base = stamped.getFileName().toString().replaceFirst("\\.json$", "");
    Path md = dir.resolve(base + ".md");
    Path html = dir.resolve(base + ".html");
    atomicWrite(md, out -> new MarkdownReport().render(report, out));
    atomicWrite(html, out -> new HtmlReport().render(report, out));
    atomicWrite(stamped, out -> writeJson(report, out));
    atomicCopy(md, dir.resolve("latest.md"));
    atomicCopy(html, dir.resolve("latest.html"));
    atomicCopy(stamped, dir.resolve("latest.json"));
    return stamped;
  }

  private static Path unique(Path dir, String base) {
    Path p = dir.resolve(base + ".json");
    for (int i = 2; Files.exists(p); i++) {
      p = dir.resolve(base + "-" + i + ".json");
    }
    return p;
  }

  /** Something that writes a rendering to a writer. */
  @FunctionalInterface
  public interface Rendering {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Streams a rendering into a new hidden temp file ({@code .report-*.tmp}) in {@code dir}, UTF-8;
   * the caller moves or deletes it.
   *
   * @throws IOException when the file cannot be written (the temp file is then removed)
   */
  public static Path renderToTemp(Path dir, Rendering rendering) throws IOException {
    // Not Files.createTempFile: its owner-only permissions would be carried to the report files.
    Path tmp = dir.resolve(".report-" + UUID.randomUUID() + ".tmp");
    try (Writer out =
        Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
      rendering.writeTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return tmp;
  }

  /** Streams a rendering to a file atomically (temp file in the same folder, then rename). */
  static void atomicWrite(Path target, Rendering rendering) throws IOException {
    Path tmp = renderToTemp(target.getParent(), rendering);
    try {
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Copies a file atomically (temp copy in the target's folder, then rename). */
  private static void atomicCopy(Path source, Path target) throws IOException {
    Path tmp = target.getParent().resolve(".report-" + UUID.randomUUID() + ".tmp");
    try {
      Files.copy(source, tmp);
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
