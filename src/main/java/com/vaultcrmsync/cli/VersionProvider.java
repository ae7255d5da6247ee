package com.vaultcrmsync.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so {@code --version} matches the built artifact. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "vault-crm-sync " + (v == null ? "dev" : v),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
