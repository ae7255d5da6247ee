package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vaultcrmsync.sync.state.StateStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Proves that {@code sync} on a vault whose state is linked to a real org, with no Salesforce
 * variables set, ends with exit 2 naming the org's host and the variables, and writes and starts
 * nothing: no note changes and no embedded emulator org.
 */
class OrgLinkEndToEndTest {
  private static final String NOTE =
      "---\ntype: customer\ntitle: Acme\n---\n# Acme\n## Recent Context\n"
          + "- 2026-01-05: Kickoff - call (via Jeff)\n";

  @TempDir Path dir;
  private Path vault;
  private Path state;
  private String err = "";

  @BeforeEach
  void linkTheStateToARealOrg() throws Exception {
    assumeTrue(System.getenv("SALESFORCE_LOGIN_URL") == null, "no org configured in this shell");
    vault = Files.createDirectories(dir.resolve("vault"));
    Files.writeString(vault.resolve("Acme.md"), NOTE, StandardCharsets.UTF_8);
    state = vault.resolve(".vault-crm-sync");
    try (StateStore store = StateStore.open(state)) {
      store.putPosition("org.mode", "org");
      store.putPosition("org.login-host", "acme.my.salesforce.com");
    }
  }

  @Test
  void syncWithoutTheSalesforceVariablesRefusesTheEmulatorForALinkedVault() throws Exception {
    byte[] before = Files.readAllBytes(vault.resolve("Acme.md"));

    assertThat(sync()).as(err).isEqualTo(2);

    assertThat(err)
        .contains("linked to a Salesforce org (acme.my.salesforce.com)")
        .contains("SALESFORCE_LOGIN_URL")
        .contains("SALESFORCE_CLIENT_ID")
        .contains("the embedded emulator is never used for a vault linked to a real org");
    assertThat(Files.readAllBytes(vault.resolve("Acme.md"))).isEqualTo(before);
    assertThat(state.resolve("emulator-org.json")).doesNotExist();
    assertThat(state.resolve("reports")).doesNotExist();
  }

  @Test
  void aDryRunIsRefusedAsWell() {
    assertThat(sync("--dry-run")).as(err).isEqualTo(2);

    assertThat(err).contains("acme.my.salesforce.com");
    assertThat(state.resolve("emulator-org.json")).doesNotExist();
  }

  @Test
  void theExplicitOrgModeWithoutALoginUrlNamesTheMissingVariables() throws Exception {
    Path config = Files.writeString(dir.resolve("org.properties"), "salesforce.mode = org\n");

    assertThat(sync("--config", config.toString())).as(err).isEqualTo(2);

    assertThat(err)
        .contains("salesforce.mode is org (" + config + ", line 1)")
        .contains("SALESFORCE_LOGIN_URL")
        .contains("SALESFORCE_CLIENT_ID");
    assertThat(state.resolve("emulator-org.json")).doesNotExist();
  }

  private int sync(String... args) {
    List<String> all = new ArrayList<>(List.of("sync", "--vault", vault.toString()));
    all.addAll(Arrays.asList(args));
    StringWriter out = new StringWriter();
    StringWriter errors = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(errors));
    int code = cmd.execute(all.toArray(String[]::new));
    err = errors.toString();
    return code;
  }
}
