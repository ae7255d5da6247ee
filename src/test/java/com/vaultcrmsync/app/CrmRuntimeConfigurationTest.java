package com.vaultcrmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaultcrmsync.crm.CrmException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that configuration mistakes stop the runtime with a message naming the key and file. */
class CrmRuntimeConfigurationTest {
  @TempDir Path state;

  private RuntimeOptions realOrg(String loginUrl) {
    return RuntimeOptions.of(state)
        .withProperty("camel.main.routes-include-pattern", CrmRuntime.CRM_ROUTES_ONLY)
        .withProperty("camel.component.salesforce.login-url", loginUrl)
        .withProperty("camel.component.salesforce.client-id", "app")
        .withProperty("camel.component.salesforce.client-secret", "s3cr3t-client")
        .withProperty("camel.component.salesforce.user-name", "user@example.com")
        .withProperty("camel.component.salesforce.password", "pa55word-secret")
        .withProperty("camel.component.salesforce.http-client-connection-timeout", "2000");
  }

  @Test
  void aMissingClientIdWithALoginUrlNamesTheVariableAndKey() {
    RuntimeOptions options =
        realOrg("https://login.example.com")
            .withProperty("camel.component.salesforce.client-id", "");
    assertThatThrownBy(() -> CrmRuntime.start(options))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("SALESFORCE_CLIENT_ID")
        .hasMessageContaining("camel.component.salesforce.client-id");
  }

  @Test
  void aPasswordWithoutUserNameNamesTheMissingVariable() {
    RuntimeOptions options =
        realOrg("https://login.example.com")
            .withProperty("camel.component.salesforce.user-name", "");
    assertThatThrownBy(() -> CrmRuntime.start(options))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("SALESFORCE_USERNAME");
  }

  @Test
  void aLoginUrlThatIsNotAUrlIsRefused() {
    assertThatThrownBy(() -> CrmRuntime.start(realOrg("login.salesforce.com")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("SALESFORCE_LOGIN_URL")
        .hasMessageContaining("http(s) URL");
  }

  @Test
  void aBadNumberInTheUserConfigFileNamesKeyAndFile() throws IOException {
    Path file = state.resolve("my.properties");
    Files.writeString(file, "camel.component.salesforce.http-request-timeout = soon\n");
    RuntimeOptions options = realOrg("https://login.example.com").withConfigFile(file);
    assertThatThrownBy(() -> CrmRuntime.start(options))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("http")
        .hasMessageContaining("soon")
        .hasMessageContaining(file.toString());
  }

  @Test
  void aMissingConfigFileIsNamed() {
    Path missing = state.resolve("nope.properties");
    assertThatThrownBy(
            () ->
                CrmRuntime.start(
                    RuntimeOptions.of(state)
                        .withProperty(
                            "camel.main.routes-include-pattern", CrmRuntime.CRM_ROUTES_ONLY)
                        .withConfigFile(missing)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void anUnknownProfileIsNamed() {
    assertThatThrownBy(
            () ->
                CrmRuntime.start(
                    RuntimeOptions.of(state)
                        .withProperty(
                            "camel.main.routes-include-pattern", CrmRuntime.CRM_ROUTES_ONLY)
                        .withProfile("nosuch")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("application-nosuch.properties");
  }

  @Test
  void anUnreachableOrgFailsTheLoginWithoutLeakingSecrets() throws IOException {
    // A bound socket that never listens holds the port for the whole test and refuses every
    // connection; a port probed free and released could be taken by another server meanwhile.
    try (Socket held = new Socket()) {
      held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = held.getLocalPort();
      assertThatThrownBy(() -> CrmRuntime.start(realOrg("http://127.0.0.1:" + port)))
          .isInstanceOf(CrmException.class)
          .hasMessageContaining("127.0.0.1:" + port)
          .hasMessageNotContaining("pa55word-secret")
          .hasMessageNotContaining("s3cr3t-client")
          .satisfies(e -> assertThat(((CrmException) e).code()).isEqualTo("CONNECTION_FAILED"));
    }
  }
}
