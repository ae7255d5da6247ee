package com.vaultcrmsync.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --vault DIR}, shared by the commands that work on a vault. */
public final class VaultOptions {
  @Option(
      names = "--vault",
      description = "Vault folder (default: vault.dir, else the current one).")
  Path vault;

  /** The folder given, or null for {@code vault.dir}. */
  Path vault() {
    return vault;
  }
}
