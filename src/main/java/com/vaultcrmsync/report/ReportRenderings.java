package com.vaultcrmsync.report;

import com.vaultcrmsync.vault.VaultScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;

/**
 * Called by the {@code reports} route to turn the run's {@link RunReport} (exchange variable {@code
 * runReport}) into the Markdown and HTML renderings written next to the JSON. Sets header {@code
 * reportBase}: the report's file name without {@code .json}.
 */
public final class ReportRenderings {
  private static final String VARIABLE = "runReport";

  /** The Markdown rendering. */
  public String markdown(Exchange exchange) {
    return new MarkdownReport().render(report(exchange));
  }

  /** The HTML rendering. */
  public String html(Exchange exchange) {
    return new HtmlReport().render(report(exchange));
  }

  /** The JSON again, so the route ends with the body it started with. */
  public String json(Exchange exchange) {
    return ReportWriter.toJson(report(exchange));
  }

  /**
   * The Markdown rendering as a vault note, with front matter marking it as the tool's; makes sure
   * its folder (header {@code reportVaultFolder}) exists and holds the marker that keeps the sync
   * and the vault watch out of it.
   */
  public String vaultNote(Exchange exchange) throws IOException {
    RunReport report = report(exchange);
    Path folder = Path.of(exchange.getMessage().getHeader("reportVaultFolder", String.class));
    Files.createDirectories(folder);
    Path marker = folder.resolve(VaultScanner.IGNORE_MARKER);
    if (!Files.exists(marker)) {
      Files.writeString(marker, "vault-crm-sync writes its reports here and does not sync them\n");
    }
    return "---\ntype: vault-crm-sync-report\nrun: "
        + report.run().mode()
        + "\noutcome: "
        + report.run().outcome()
        + "\nfinished: '"
        + report.run().finishedAt()
        + "'\n---\n"
        + new MarkdownReport().render(report);
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
}
