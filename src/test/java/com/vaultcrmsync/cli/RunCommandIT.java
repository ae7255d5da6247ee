package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vaultcrmsync.testing.DaemonLog;
import com.vaultcrmsync.testing.JarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the shaded jar's {@code run} daemon as a real process: it serves health on 127.0.0.1 after
 * its first sync, and SIGTERM stops it cleanly within 10 seconds.
 */
class RunCommandIT {
  @TempDir Path dir;

  @Test
  void theDaemonServesHealthAndStopsCleanlyOnSigterm() throws Exception {
    JarProcess.assumeBuilt();
    assumeTrue(System.getenv("SALESFORCE_LOGIN_URL") == null, "SALESFORCE_LOGIN_URL is set");
    Path vault = Files.createDirectories(dir.resolve("vault"));
    Files.writeString(
        vault.resolve("Initech.md"),
        "---\ntype: customer\ntitle: Initech\n---\n\n# Initech\n\n## Recent Context\n\n"
            + "- 2026-01-05: [[Initech kickoff]] - Kickoff\n");
    Path err = dir.resolve("stderr.txt");
    ProcessBuilder builder =
        JarProcess.builder(
                "run",
                "--vault",
                vault.toString(),
                "--config",
                DaemonLog.anyPortConfig(dir).toString())
            .redirectError(err.toFile())
            .redirectOutput(dir.resolve("stdout.txt").toFile());
    builder.environment().remove("VAULT_CRM_SYNC_API_TOKEN");
    Process p = builder.start();
    try {
      int port = DaemonLog.httpPort(err, Duration.ofSeconds(90));
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest health =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build();
      await()
          .atMost(Duration.ofSeconds(90))
          .ignoreExceptions()
          .until(
              () -> http.send(health, HttpResponse.BodyHandlers.ofString()).body(),
              body -> body.contains("\"lastRun\":{"));
      assertThat(vault.resolve(".vault-crm-sync/reports/latest.json")).exists();

      p.destroy();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
      String log = Files.readString(err);
      assertThat(log).contains("Stopping: no new syncs").contains("Stopped");
      assertThat(log).contains(".vault-crm-sync/api-token");
      assertThat(log)
          .doesNotContain(Files.readString(vault.resolve(".vault-crm-sync/api-token")).strip());
    } finally {
      p.destroyForcibly();
    }
  }
}
