package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves that a mapping or configuration file with an error stops {@code sync} with exit code 2 and
 * a message naming the file, the line and the key, before anything is read or written.
 */
class ConfigErrorsEndToEndTest {
  private static final String NOTE =
      "---\ntype: customer\ntitle: Acme\n---\n# Acme\n## Recent Context\n"
          + "- 2026-01-05: Kickoff - call (via Jeff)\n";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "an unknown key|  Name:\\n    vaule: \"${variable.frontMatter[title]}\"|vaule",
        "a wrong type|  Name:\\n    value: [1, 2]|Name",
        "a bad expression|  Name: \"${variable.frontMatter[title]\"|Name",
        "a maxLength that is not a number|  Name:\\n    value: x\\n    maxLength: lots|maxLength",
      })
  void aBadMappingFileEndsWithExitTwoNamingFileLineAndKey(String what, String field, String key)
      throws Exception {
    Path mappings = Files.createDirectories(dir.resolve("mappings"));
    Files.copy(Path.of("mappings/activities.yaml"), mappings.resolve("activities.yaml"));
    String accounts =
        "kind: account\nsObject: Account\nselect:\n  types: [customer]\nidProperty: salesforce_id\n"
            + "fields:\n"
            + "  "
            + field.replace("\\n", "\n")
            + "\n";
    Path file = Files.writeString(mappings.resolve("accounts.yaml"), accounts);
    try (SyncHarness h = new SyncHarness(dir, "sync.mappings-dir=" + mappings)) {
      h.write("Acme.md", NOTE);

      assertThat(h.sync()).as(what + ": " + h.lastErr).isEqualTo(2);

      assertThat(h.lastErr).containsPattern(file + ":\\d+: ").contains(key);
      assertThat(h.records("Account")).isEmpty();
      assertThat(h.read("Acme.md")).isEqualTo(NOTE);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "conflict policy|sync.conflict-policy = maybe",
        "share|sync.safety.max-account-update-share = 1.5",
        "number|sync.pull.lookback-seconds = soon",
        "boolean|sync.deletes.vault-to-crm = perhaps",
        "lock wait|sync.lock-wait-seconds = -1",
      })
  void aBadValueInTheConfigFileEndsWithExitTwoNamingFileLineAndKey(String what, String line)
      throws Exception {
    try (SyncHarness h = new SyncHarness(dir, "# a comment", "", line)) {
      h.write("Acme.md", NOTE);
      String key = line.substring(0, line.indexOf(' '));
      int lineNumber = Files.readAllLines(h.config).indexOf(line) + 1;

      assertThat(h.sync()).as(what + ": " + h.lastErr).isEqualTo(2);

      assertThat(h.lastErr)
          .contains(h.config.toString())
          .contains("line " + lineNumber)
          .contains(key);
      assertThat(h.records("Account")).isEmpty();
      assertThat(h.read("Acme.md")).isEqualTo(NOTE);
    }
  }

  @Test
  void aMissingConfigFileEndsWithExitTwoNamingIt() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.write("Acme.md", NOTE);
      Files.delete(h.config);

      assertThat(h.sync()).isEqualTo(2);

      assertThat(h.lastErr).contains(h.config.toString());
    }
  }

  @Test
  void aLoginUrlWithUserInfoAndAQueryIsNeverPrintedWhole() throws Exception {
    try (SyncHarness h =
        new SyncHarness(
            dir,
            "camel.component.salesforce.login-url = http://user:secret@127.0.0.1:1/x?pw=secret")) {
      h.write("Acme.md", NOTE);

      int code = h.sync();

      assertThat(code).as(h.lastOut + h.lastErr).isNotZero();
      assertThat(h.lastOut + h.lastErr).doesNotContain("secret").doesNotContain("pw=");
      assertThat(h.read("Acme.md")).isEqualTo(NOTE);
    }
  }
}
