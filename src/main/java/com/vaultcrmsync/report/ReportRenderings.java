package com.vaultcrmsync.report;

import com.vaultcrmsync.vault.VaultScanner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Called by the {@code reports} route to stream the run's {@link RunReport} (exchange variable
 * {@code runReport}) as JSON, Markdown and HTML into hidden temp files in the report folder (header
 * {@code reportDir}); each method returns its file as the body, for the File component to copy to
 * its place, and keeps it in a variable ({@code reportJsonFile}, {@code reportMarkdownFile}, {@code
 * reportHtmlFile}) for the {@code latest.*} copies. The temp files are deleted when the exchange
 * completes or fails. Sets header {@code reportBase}: the report's file name without {@code .json}.
 */
public final class ReportRenderings {
  private static final String VARIABLE = "runReport";

  /** The JSON rendering, in a temp file. */
  public File json(Exchange exchange) throws IOException {
    RunReport report = report(exchange);
    return rendered(exchange, "reportJsonFile", out -> ReportWriter.writeJson(report, out));
  }

  /** The Markdown rendering, in a temp file. */
  public File markdown(Exchange exchange) throws IOException {
    RunReport report = report(exchange);
    return rendered(
        exchange, "reportMarkdownFile", out -> new MarkdownReport().render(report, out));
  }

  /** The HTML rendering, in a temp file. */
  public File html(Exchange exchange) throws IOException {
    RunReport report = report(exchange);
    return rendered(exchange, "reportHtmlFile", out -> new HtmlReport().render(report, out));
  }

  /**
   * The Markdown rendering as a vault note, in a temp file, with front matter marking it as the
   * tool's; makes sure its folder (header {@code reportVaultFolder}) exists and holds the marker
   * that keeps the sync and the vault watch out of it.
   */
  public File vaultNote(Exchange exchange) throws IOException {
    RunReport report = report(exchange);
    Path folder = Path.of(exchange.getMessage().getHeader("reportVaultFolder", String.class));
    Files.createDirectories(folder);
    Path marker = folder.resolve(VaultScanner.IGNORE_MARKER);
    if (!Files.exists(marker)) {
      Files.writeString(marker, "vault-crm-sync writes its reports here and does not sync them\n");
    }
    String frontMatter =
        "---\ntype: vault-crm-sync-report\nrun: "
            + report.run().mode()
            + "\noutcome: "
            + report.run().outcome()
            + "\nfinished: '"
            + report.run().finishedAt()
            + "'\n---\n";
    return rendered(
        exchange,
        "reportVaultNoteFile",
        out -> {
          out.write(frontMatter);
          new MarkdownReport().render(report, out);
        });
  }

  /** The timestamped JSON report just written ({@code reportDir}/{@code reportName}). */
  public Path written(Exchange exchange) {
    return reportDir(exchange).resolve(exchange.getMessage().getHeader("reportName", String.class));
  }

  private static File rendered(Exchange exchange, String variable, ReportWriter.Rendering rendering)
      throws IOException {
    Path dir = reportDir(exchange);
    Files.createDirectories(dir);
    Path tmp = ReportWriter.renderToTemp(dir, rendering);
    exchange.getExchangeExtension().addOnCompletion(new DeleteOnCompletion(tmp));
    exchange.setVariable(variable, tmp.toFile());
    return tmp.toFile();
  }

  private static Path reportDir(Exchange exchange) {
    String dir = exchange.getMessage().getHeader("reportDir", String.class);
    if (dir == null) {
      throw new IllegalStateException("no report folder on the exchange (header reportDir)");
    }
    return Path.of(dir);
  }

  private static RunReport report(Exchange exchange) {
    RunReport report = exchange.getVariable(VARIABLE, RunReport.class);
    if (report == null) {
      throw new IllegalStateException("no run report on the exchange (variable " + VARIABLE + ")");
    }
    String name = exchange.getMessage().getHeader("reportName", String.class);
    if (name != null) {
      exchange.getMessage().setHeader("reportBase", name.replaceFirst("\\.json$", ""));
    }
    return report;
  }

  /** Removes a rendering's temp file once the exchange is done, whether it succeeded or not. */
  private static final class DeleteOnCompletion extends SynchronizationAdapter {
    private final Path file;

    DeleteOnCompletion(Path file) {
      this.file = file;
    }

    @Override
    public void onDone(Exchange exchange) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A leftover hidden .report-*.tmp file is harmless; the report itself is already written.
      }
    }
  }
}
