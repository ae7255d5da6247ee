package com.vaultcrmsync.cli;

import com.vaultcrmsync.app.RuntimeOptions;
import picocli.CommandLine.Option;

/** {@code --profile NAME}: the overlay {@code config/application-<profile>.properties}. */
public final class ProfileOptions {
  @Option(
      names = "--profile",
      description = "Configuration profile (config/application-<profile>.properties).")
  String profile;

  /** {@code base} with the profile (null: {@code VAULT_CRM_SYNC_PROFILE}, when set). */
  RuntimeOptions applyTo(RuntimeOptions base) {
    return base.withProfile(profile);
  }
}
