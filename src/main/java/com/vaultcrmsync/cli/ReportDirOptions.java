package com.vaultcrmsync.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --report-dir DIR}: where run reports are written and read. */
public final class ReportDirOptions {
  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Report folder (default: sync.report-dir, else <state folder>/reports).")
  Path reportDir;

  /** The folder given, or null for the configured one. */
  Path reportDir() {
    return reportDir;
  }
}
