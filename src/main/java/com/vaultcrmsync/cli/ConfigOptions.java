package com.vaultcrmsync.cli;

import com.vaultcrmsync.app.RuntimeOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}: a user properties file overlaying the packaged configuration. */
public final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file overlaying the configuration.")
  Path configFile;

  /** {@code base} with the file, when one was given. */
  RuntimeOptions applyTo(RuntimeOptions base) {
    return configFile == null ? base : base.withConfigFile(configFile);
  }
}
