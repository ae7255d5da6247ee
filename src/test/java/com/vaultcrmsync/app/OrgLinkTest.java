package com.vaultcrmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaultcrmsync.sync.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a state folder is marked with a real org's host only (never user info or query), that
 * a loopback org is not a real org, and that a marked folder refuses the embedded emulator.
 */
class OrgLinkTest {
  @TempDir Path state;

  @Test
  void aRealOrgIsRecordedByItsHostAlone() {
    OrgLink.record(
        state, "https://user:pa55@acme.my.salesforce.com:443/services?token=x", Duration.ZERO);

    try (StateStore store = StateStore.readOnly(state)) {
      assertThat(store.position(OrgLink.MODE)).contains("org");
      assertThat(store.position(OrgLink.HOST)).contains("acme.my.salesforce.com");
    }
  }

  @Test
  void anOrgOnLoopbackIsNotRecorded() {
    OrgLink.record(state, "http://127.0.0.1:8123", Duration.ZERO);
    OrgLink.record(state, "http://localhost:8123", Duration.ZERO);

    assertThat(state.resolve("state.mv.db")).doesNotExist();
  }

  @Test
  void aLinkedStateFolderRefusesTheEmbeddedEmulatorBeforeItStarts() {
    OrgLink.record(state, "https://acme.my.salesforce.com", Duration.ZERO);
    RuntimeOptions options =
        RuntimeOptions.of(state)
            .withProperty("camel.main.routes-include-pattern", CrmRuntime.CRM_ROUTES_ONLY);

    assertThatThrownBy(() -> CrmRuntime.start(options))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("linked to a Salesforce org (acme.my.salesforce.com)")
        .hasMessageContaining("SALESFORCE_LOGIN_URL")
        .hasMessageContaining("the embedded emulator is never used");
    assertThat(Files.exists(state.resolve("emulator-org.json"))).isFalse();
  }

  @Test
  void anUnlinkedStateFolderStillUsesTheEmbeddedEmulator() {
    RuntimeOptions options =
        RuntimeOptions.of(state)
            .withProperty("camel.main.routes-include-pattern", CrmRuntime.CRM_ROUTES_ONLY);

    try (CrmRuntime runtime = CrmRuntime.start(options)) {
      assertThat(runtime.embedded()).isTrue();
    }
  }
}
