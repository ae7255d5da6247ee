package com.vaultcrmsync.app;

import com.vaultcrmsync.config.SettingKeys;
import com.vaultcrmsync.sync.SyncSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * The typed settings of one start, read from the resolved configuration layers through {@link
 * SettingKeys} before the emulator or Camel starts: every value is validated here, including those
 * only the routes read ({@code report.*}, {@code crm.retry.*}, {@code sync.schedule.cron}), so a
 * bad value stops the command with exit 2 before anything is read or written.
 *
 * @param vaultDir {@code vault.dir}; empty: the current folder
 * @param maxNoteBytes notes larger than this are reported and not read
 * @param stateDir {@code sync.state-dir}; empty: {@code <vault>/.vault-crm-sync}
 * @param reportDir {@code sync.report-dir}; empty: {@code <state folder>/reports}
 * @param mappingsDir {@code sync.mappings-dir}; empty: the mappings shipped in the jar
 * @param salesforce the Salesforce the connector talks to
 * @param sync what the sync engine takes
 * @param daemon what the {@code run} command takes
 */
public record Settings(
    Optional<String> vaultDir,
    long maxNoteBytes,
    Optional<String> stateDir,
    Optional<String> reportDir,
    Optional<String> mappingsDir,
    Salesforce salesforce,
    SyncSettings sync,
    Daemon daemon) {

  /**
   * @param mode the emulator or a real org
   * @param loginUrl the configured login URL; empty when none
   */
  public record Salesforce(SalesforceMode mode, String loginUrl) {}

  /**
   * @param debounce how long a saved note must stay unchanged before it is synced
   * @param syncWait how long an HTTP sync call waits for its run before answering 202
   * @param maxBodyBytes the largest HTTP request body accepted
   * @param shutdownTimeout how long stopping waits for the run in progress
   * @param watchMaxNotes notes whose size and modification time the watch remembers
   * @param port the HTTP API's port on 127.0.0.1
   * @param idleTimeout an HTTP connection that sends and receives nothing this long is closed
   */
  public record Daemon(
      Duration debounce,
      Duration syncWait,
      long maxBodyBytes,
      Duration shutdownTimeout,
      int watchMaxNotes,
      int port,
      Duration idleTimeout) {}

  /** Loads the layers of {@code options} and reads the settings. */
  public static Settings load(RuntimeOptions options) {
    return read(ConfigurationLoader.load(options));
  }

  /**
   * Reads and validates every key.
   *
   * @throws ConfigurationException naming the file, the key and what was expected
   */
  static Settings read(ConfigurationLoader config) {
    try (SettingsReader r = new SettingsReader(config)) {
      // Read by the routes as placeholders: validated here so that they fail before the start.
      r.get(SettingKeys.RETRY_MAX_RETRIES);
      r.get(SettingKeys.RETRY_INITIAL_DELAY_MS);
      r.get(SettingKeys.RETRY_MULTIPLIER);
      r.get(SettingKeys.RETRY_MAX_DELAY_MS);
      r.get(SettingKeys.REPORT_KEEP_RUNS);
      r.get(SettingKeys.REPORT_VAULT_NOTE_ENABLED);
      r.get(SettingKeys.REPORT_VAULT_NOTE_FOLDER);
      r.get(SettingKeys.SCHEDULE_CRON);
      r.get(SettingKeys.WATCH_POLL);
      String loginUrl = r.get(SettingKeys.SALESFORCE_LOGIN_URL);
      SalesforceMode mode =
          SalesforceMode.resolve(
              r.get(SettingKeys.SALESFORCE_MODE),
              loginUrl,
              r.sourceOf(SettingKeys.SALESFORCE_MODE.name()));
      return new Settings(
          r.get(SettingKeys.VAULT_DIR),
          r.get(SettingKeys.VAULT_MAX_NOTE_BYTES),
          r.get(SettingKeys.STATE_DIR),
          r.get(SettingKeys.REPORT_DIR),
          r.get(SettingKeys.MAPPINGS_DIR),
          new Salesforce(mode, loginUrl.strip()),
          SyncSettings.from(r),
          new Daemon(
              r.get(SettingKeys.WATCH_DEBOUNCE),
              r.get(SettingKeys.API_SYNC_WAIT),
              r.get(SettingKeys.SERVER_MAX_BODY_SIZE),
              r.get(SettingKeys.SHUTDOWN_TIMEOUT),
              r.get(SettingKeys.WATCH_MAX_NOTES),
              r.get(SettingKeys.SERVER_PORT),
              r.get(SettingKeys.API_IDLE_TIMEOUT)));
    }
  }
}
