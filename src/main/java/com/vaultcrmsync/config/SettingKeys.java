package com.vaultcrmsync.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration key the Java code reads, with its type and validator: the one place that
 * knows what a valid value is. Each key's default and one-line doc are in {@code
 * config/application.properties} (a test proves every key here is there); routes read some of them
 * as {@code {{key}}} placeholders, and they are validated here all the same, before anything
 * starts.
 */
public final class SettingKeys {
  private SettingKeys() {}

  private static final int MAX = Integer.MAX_VALUE;
  private static final long DAY_SECONDS = 86_400;

  // --- vault
  public static final SettingKey<Optional<String>> VAULT_DIR = SettingKey.optionalPath("vault.dir");
  public static final SettingKey<Long> VAULT_MAX_NOTE_BYTES =
      SettingKey.whole("vault.max-note-bytes", 1, MAX);

  // --- Salesforce connection
  public static final SettingKey<String> SALESFORCE_MODE =
      SettingKey.oneOf("salesforce.mode", List.of("emulator", "org", ""), "emulator", "org", "")
          .expecting("emulator, org or nothing (emulator when no login URL is set, else org)");
  public static final SettingKey<String> SALESFORCE_LOGIN_URL =
      SettingKey.text("camel.component.salesforce.login-url");

  // JWT bearer flow; OrgCredentials reads them from the started component (some are secrets).
  public static final SettingKey<String> JWT_KEYSTORE = SettingKey.text("salesforce.jwt.keystore");
  public static final SettingKey<String> JWT_KEYSTORE_PASSWORD =
      SettingKey.text("salesforce.jwt.keystore-password");
  public static final SettingKey<String> JWT_KEYSTORE_TYPE =
      SettingKey.text("salesforce.jwt.keystore-type");
  public static final SettingKey<String> JWT_AUDIENCE = SettingKey.text("salesforce.jwt.audience");

  // --- retries of transient Salesforce failures
  public static final SettingKey<Integer> RETRY_MAX_RETRIES =
      SettingKey.integer("crm.retry.max-retries", 0, 100);
  public static final SettingKey<Long> RETRY_INITIAL_DELAY_MS =
      SettingKey.whole("crm.retry.initial-delay-ms", 0, DAY_SECONDS * 1000);
  public static final SettingKey<Double> RETRY_MULTIPLIER =
      SettingKey.decimal("crm.retry.multiplier", 1, 100);
  public static final SettingKey<Long> RETRY_MAX_DELAY_MS =
      SettingKey.whole("crm.retry.max-delay-ms", 0, DAY_SECONDS * 1000);

  // --- sync
  public static final SettingKey<Optional<String>> STATE_DIR =
      SettingKey.optionalPath("sync.state-dir");
  public static final SettingKey<Optional<String>> REPORT_DIR =
      SettingKey.optionalPath("sync.report-dir");
  public static final SettingKey<Optional<String>> MAPPINGS_DIR =
      SettingKey.optionalPath("sync.mappings-dir");
  public static final SettingKey<String> CONFLICT_POLICY =
      SettingKey.oneOf(
          "sync.conflict-policy",
          List.of("report", "vault-wins", "crm-wins"),
          "report",
          "vault-wins",
          "crm-wins");
  public static final SettingKey<Duration> PULL_LOOKBACK =
      SettingKey.seconds("sync.pull.lookback-seconds", 0, DAY_SECONDS);
  public static final SettingKey<Integer> PULL_MAX_CHANGES =
      SettingKey.integer("sync.pull.max-changes", 0, MAX);
  public static final SettingKey<Boolean> DELETES_VAULT_TO_CRM =
      SettingKey.bool("sync.deletes.vault-to-crm");
  public static final SettingKey<Boolean> DELETES_CRM_TO_VAULT =
      SettingKey.bool("sync.deletes.crm-to-vault");
  public static final SettingKey<Double> SAFETY_MAX_ACCOUNT_UPDATE_SHARE =
      SettingKey.share("sync.safety.max-account-update-share");
  public static final SettingKey<Integer> SAFETY_MIN_ACCOUNTS_FOR_SHARE =
      SettingKey.integer("sync.safety.min-accounts-for-share", 0, MAX);
  public static final SettingKey<Integer> SAFETY_MAX_DELETES =
      SettingKey.integer("sync.safety.max-deletes", 0, MAX);
  public static final SettingKey<Double> API_RESERVE_SHARE =
      SettingKey.share("sync.api.reserve-share");
  public static final SettingKey<Integer> API_MAX_CALLS_PER_RUN =
      SettingKey.integer("sync.api.max-calls-per-run", 0, MAX);
  public static final SettingKey<Duration> LOCK_WAIT =
      SettingKey.seconds("sync.lock-wait-seconds", 0, DAY_SECONDS);
  public static final SettingKey<Integer> FIRST_LOAD_BATCH_NOTES =
      SettingKey.integer("sync.first-load.batch-notes", 1, 100_000);

  // --- reports (read by routes/reports.camel.yaml)
  public static final SettingKey<Integer> REPORT_KEEP_RUNS =
      SettingKey.integer("report.keep-runs", 0, MAX);
  public static final SettingKey<Boolean> REPORT_VAULT_NOTE_ENABLED =
      SettingKey.bool("report.vault-note.enabled");
  public static final SettingKey<String> REPORT_VAULT_NOTE_FOLDER =
      SettingKey.required("report.vault-note.folder", "a folder relative to the vault");

  // --- daemon (the run command)
  public static final SettingKey<String> SCHEDULE_CRON = SettingKey.cron("sync.schedule.cron");
  public static final SettingKey<Duration> WATCH_POLL =
      SettingKey.millis("vault.watch.poll-ms", 1, DAY_SECONDS * 1000);
  public static final SettingKey<Duration> WATCH_DEBOUNCE =
      SettingKey.millis("vault.watch.debounce-ms", 0, DAY_SECONDS * 1000);
  public static final SettingKey<Integer> WATCH_MAX_NOTES =
      SettingKey.integer("vault.watch.max-notes", 1, MAX);
  public static final SettingKey<Duration> API_SYNC_WAIT =
      SettingKey.seconds("api.sync-wait-seconds", 0, DAY_SECONDS);
  public static final SettingKey<Duration> API_IDLE_TIMEOUT =
      SettingKey.seconds("api.idle-timeout-seconds", 1, DAY_SECONDS);
  public static final SettingKey<Integer> SERVER_PORT =
      SettingKey.integer("camel.server.port", 0, 65_535);
  public static final SettingKey<Long> SERVER_MAX_BODY_SIZE =
      SettingKey.whole("camel.server.max-body-size", 1, MAX);
  public static final SettingKey<Duration> SHUTDOWN_TIMEOUT =
      SettingKey.seconds("camel.main.shutdown-timeout", 0, DAY_SECONDS);

  /** Every key above, for the check that each is defined in the packaged properties. */
  public static final List<SettingKey<?>> ALL =
      List.of(
          VAULT_DIR,
          VAULT_MAX_NOTE_BYTES,
          SALESFORCE_MODE,
          SALESFORCE_LOGIN_URL,
          JWT_KEYSTORE,
          JWT_KEYSTORE_PASSWORD,
          JWT_KEYSTORE_TYPE,
          JWT_AUDIENCE,
          RETRY_MAX_RETRIES,
          RETRY_INITIAL_DELAY_MS,
          RETRY_MULTIPLIER,
          RETRY_MAX_DELAY_MS,
          STATE_DIR,
          REPORT_DIR,
          MAPPINGS_DIR,
          CONFLICT_POLICY,
          PULL_LOOKBACK,
          PULL_MAX_CHANGES,
          DELETES_VAULT_TO_CRM,
          DELETES_CRM_TO_VAULT,
          SAFETY_MAX_ACCOUNT_UPDATE_SHARE,
          SAFETY_MIN_ACCOUNTS_FOR_SHARE,
          SAFETY_MAX_DELETES,
          API_RESERVE_SHARE,
          API_MAX_CALLS_PER_RUN,
          LOCK_WAIT,
          FIRST_LOAD_BATCH_NOTES,
          REPORT_KEEP_RUNS,
          REPORT_VAULT_NOTE_ENABLED,
          REPORT_VAULT_NOTE_FOLDER,
          SCHEDULE_CRON,
          WATCH_POLL,
          WATCH_DEBOUNCE,
          WATCH_MAX_NOTES,
          API_SYNC_WAIT,
          API_IDLE_TIMEOUT,
          SERVER_PORT,
          SERVER_MAX_BODY_SIZE,
          SHUTDOWN_TIMEOUT);
}
