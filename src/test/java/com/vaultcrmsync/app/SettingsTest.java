package com.vaultcrmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaultcrmsync.config.SettingKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the typed settings come from the configuration layers alone, that a bad value names
 * the file, line and key before anything starts, and how {@code salesforce.mode} is chosen.
 */
class SettingsTest {
  @TempDir Path dir;

  @Test
  void thePackagedDefaultsGiveTheDocumentedSettings() {
    Settings s = Settings.load(RuntimeOptions.of(dir));

    assertThat(s.sync().lookback()).isEqualTo(Duration.ofSeconds(600));
    assertThat(s.sync().batchNotes()).isEqualTo(1000);
    assertThat(s.maxNoteBytes()).isEqualTo(5_242_880L);
    assertThat(s.daemon().port()).isEqualTo(8787);
    assertThat(s.stateDir()).isEmpty();
  }

  @Test
  void aProfileOverlayWinsOverThePackagedDefault() {
    Settings s = Settings.load(RuntimeOptions.of(dir).withProfile("dev"));

    assertThat(s.daemon().debounce()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aBadValueNamesTheFileTheLineTheKeyAndWhatWasExpected() throws Exception {
    Path file =
        Files.writeString(dir.resolve("my.properties"), "# mine\nvault.watch.max-notes = lots\n");

    assertThatThrownBy(() -> Settings.load(RuntimeOptions.of(dir).withConfigFile(file)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            file
                + ", line 2: vault.watch.max-notes: expected a whole number from 1 to 2147483647,"
                + " got 'lots'");
  }

  @Test
  void aValueOnlyTheRoutesReadIsValidatedBeforeTheStartToo() {
    RuntimeOptions options = RuntimeOptions.of(dir).withProperty("sync.schedule.cron", "hourly");

    assertThatThrownBy(() -> Settings.load(options))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the command line")
        .hasMessageContaining("sync.schedule.cron");
  }

  @Test
  void theReaderRefusesAKeyThatNoLayerDefines() {
    ConfigurationLoader config = ConfigurationLoader.load(RuntimeOptions.of(dir));
    try (SettingsReader reader = new SettingsReader(config)) {
      assertThatThrownBy(() -> reader.get(SettingKey.integer("sync.no-such-key", 0, 1)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("sync.no-such-key")
          .hasMessageContaining("config/application.properties");
    }
  }

  @Test
  void withoutALoginUrlTheModeIsTheEmulator() {
    Settings s = Settings.load(RuntimeOptions.of(dir));

    assertThat(s.salesforce().mode()).isEqualTo(SalesforceMode.EMULATOR);
    assertThat(s.salesforce().loginUrl()).isEmpty();
  }

  @Test
  void withALoginUrlTheModeIsTheOrg() {
    RuntimeOptions options =
        RuntimeOptions.of(dir)
            .withProperty("camel.component.salesforce.login-url", "https://login.example.com");

    assertThat(Settings.load(options).salesforce().mode()).isEqualTo(SalesforceMode.ORG);
  }

  @Test
  void theOrgModeWithoutALoginUrlNamesTheMissingVariables() {
    RuntimeOptions options = RuntimeOptions.of(dir).withProperty("salesforce.mode", "org");

    assertThatThrownBy(() -> Settings.load(options))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("salesforce.mode is org (the command line)")
        .hasMessageContaining("SALESFORCE_LOGIN_URL")
        .hasMessageContaining("SALESFORCE_CLIENT_ID");
  }

  @Test
  void anUnknownModeIsRefusedNamingTheChoices() {
    RuntimeOptions options = RuntimeOptions.of(dir).withProperty("salesforce.mode", "sandbox");

    assertThatThrownBy(() -> Settings.load(options))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("salesforce.mode: expected emulator, org or nothing");
  }
}
