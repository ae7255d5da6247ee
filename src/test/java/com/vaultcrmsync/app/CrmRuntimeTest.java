package com.vaultcrmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vaultcrmsync.cli.LogCapture;
import com.vaultcrmsync.crm.CamelCrmGateway;
import com.vaultcrmsync.crm.CrmException;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the runtime's two ways to reach Salesforce: the embedded emulator when no login URL is
 * configured (announced on the first log line, data in the state folder), and a real org whose
 * refused login never shows a secret in logs or exceptions.
 */
class CrmRuntimeTest {
  @TempDir Path state;

  @Test
  void withoutALoginUrlTheEmbeddedEmulatorServesAndIsAnnouncedFirst() {
    assumeTrue(System.getenv("SALESFORCE_LOGIN_URL") == null, "SALESFORCE_LOGIN_URL is set");
    Path data = state.resolve("emulator-org.json");
    List<String> lines;
    try (LogCapture logs = new LogCapture();
        CrmRuntime runtime =
            CrmRuntime.start(
                RuntimeOptions.of(state)
                    .withProperty(
                        "camel.main.routes-include-pattern", CrmRuntime.CRM_ROUTES_ONLY));
        CamelCrmGateway crm = runtime.crm()) {
      assertThat(runtime.embedded()).isTrue();
      assertThat(crm.writer().create("Account", List.of(Map.of("Name", "Embedded Co"))))
          .allMatch(r -> r.success());
      List<Map<String, Object>> rows = new ArrayList<>();
      crm.query("SELECT Name FROM Account WHERE Name = 'Embedded Co'", false, rows::add);
      assertThat(rows).hasSize(1);
      lines = logs.lines();
    }
    assertThat(lines).isNotEmpty();
    assertThat(lines.get(0))
        .matches(
            "Using the embedded Salesforce emulator at http://127\\.0\\.0\\.1:\\d+ \\(data in .*"
                + "emulator-org\\.json\\); set SALESFORCE_LOGIN_URL to use a real org");
    assertThat(lines.get(0)).contains(data.toAbsolutePath().toString());
    assertThat(data).exists();
  }

  @Test
  void aRefusedLoginNeverShowsTheSecretsInLogsOrExceptions() throws Exception {
    String password = "Wr0ng-Passw0rd-" + System.nanoTime();
    String secret = "n0t-the-client-s3cret-" + System.nanoTime();
    try (Emulator org = Emulator.start(EmulatorOptions.defaults());
        LogCapture logs = new LogCapture()) {
      RuntimeOptions options =
          RuntimeOptions.of(state)
              .withProperty("camel.main.routes-include-pattern", CrmRuntime.CRM_ROUTES_ONLY)
              .withProperty("camel.component.salesforce.login-url", org.baseUrl())
              .withProperty(
                  "camel.component.salesforce.client-id", EmulatorOptions.DEFAULT_CLIENT_ID)
              .withProperty("camel.component.salesforce.client-secret", secret)
              .withProperty(
                  "camel.component.salesforce.user-name", EmulatorOptions.DEFAULT_USERNAME)
              .withProperty("camel.component.salesforce.password", password);

      assertThatThrownBy(() -> CrmRuntime.start(options))
          .isInstanceOf(CrmException.class)
          .hasMessageContaining("login")
          .satisfies(e -> assertThat(stackText(e)).doesNotContain(password, secret));
      assertThat(logs.lines()).noneMatch(l -> l.contains(password) || l.contains(secret));
      assertThat(Files.exists(state.resolve("emulator-org.json"))).isFalse();
    }
  }

  @Test
  void routesCanBeLoadedFromAFolderThatMustKeepTheCrmRoutes() throws Exception {
    Path folder = state.resolve("my-routes");
    Files.createDirectories(folder);
    try (var files = Files.newDirectoryStream(Path.of("routes"), "*.camel.yaml")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.equals("crm.camel.yaml") || name.equals("error-handling.camel.yaml")) {
          Files.copy(file, folder.resolve(name));
        }
      }
    }
    try (Emulator org = Emulator.start(EmulatorOptions.defaults())) {
      RuntimeOptions options =
          RuntimeOptions.of(state)
              .withProperty("camel.main.routes-include-pattern", "file:" + folder + "/*.camel.yaml")
              .withProperty("camel.component.salesforce.login-url", org.baseUrl())
              .withProperty(
                  "camel.component.salesforce.client-id", EmulatorOptions.DEFAULT_CLIENT_ID)
              .withProperty(
                  "camel.component.salesforce.client-secret",
                  EmulatorOptions.DEFAULT_CLIENT_SECRET);
      try (CrmRuntime runtime = CrmRuntime.start(options)) {
        assertThat(runtime.camelContext().getRoutes())
            .extracting(r -> r.getRouteId())
            .containsAll(CrmRuntime.CRM_ROUTES);
      }

      Path crm = folder.resolve("crm.camel.yaml");
      String withoutLimits =
          Files.readString(crm).replace("routeId: crm-limits", "routeId: limits");
      Files.writeString(crm, withoutLimits);

      assertThatThrownBy(() -> CrmRuntime.start(options))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("crm-limits")
          .hasMessageContaining(folder.toString());
    }
  }

  private static String stackText(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
