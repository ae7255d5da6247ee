package com.vaultcrmsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proves that every key the Java code reads is defined, with a valid default, in the packaged
 * {@code config/application.properties}, and that the Java code reads no key outside {@link
 * SettingKeys}.
 */
class SettingKeysTest {
  private static final Pattern KEY_LITERAL =
      Pattern.compile("\"((?:sync|vault|report|api|crm\\.retry|salesforce)\\.[a-z.-]+)\"");

  @Test
  void everyKeyTheCodeReadsHasAValidDefaultInThePackagedProperties() {
    PackagedDefaults defaults = PackagedDefaults.load();

    assertThat(SettingKeys.ALL)
        .isNotEmpty()
        .allSatisfy(
            key ->
                assertThat(defaults.properties().getProperty(key.name()))
                    .as(key.name())
                    .isNotNull());
    // Placeholders resolve only at run time; every other default must pass its own validator.
    SettingKeys.ALL.stream()
        .filter(k -> !defaults.properties().getProperty(k.name()).contains("{{"))
        .forEach(defaults::get);
  }

  @Test
  void aKeyMissingFromThePackagedPropertiesIsRefusedNamingIt() {
    SettingKey<Integer> unknown = SettingKey.integer("sync.not-a-key", 0, 1);

    assertThatThrownBy(() -> PackagedDefaults.load().get(unknown))
        .hasMessageContaining("sync.not-a-key")
        .hasMessageContaining("config/application.properties");
  }

  @Test
  void aBadValueNamesTheKeyAndWhatWasExpected() {
    assertThatThrownBy(() -> SettingKeys.LOCK_WAIT.read("-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sync.lock-wait-seconds: expected a whole number from 0 to 86400, got '-1'");
    assertThatThrownBy(() -> SettingKeys.SCHEDULE_CRON.read("every hour"))
        .hasMessageContaining("sync.schedule.cron")
        .hasMessageContaining("Quartz cron");
    assertThat(SettingKeys.CONFLICT_POLICY.read(" Vault-Wins ")).isEqualTo("vault-wins");
  }

  @Test
  void theJavaCodeReadsNoConfigurationKeyThatIsNotASettingKey() throws Exception {
    List<String> declared = SettingKeys.ALL.stream().map(SettingKey::name).toList();
    Properties packaged = PackagedDefaults.load().properties();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/vaultcrmsync"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (file.endsWith("SettingKeys.java") || file.toString().contains("emulator")) {
          continue;
        }
        Matcher m = KEY_LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          String key = m.group(1);
          if (packaged.containsKey(key)) {
            assertThat(declared).as(file + " names " + key).contains(key);
          }
        }
      }
    }
  }
}
