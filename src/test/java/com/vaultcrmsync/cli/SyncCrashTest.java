package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaultcrmsync.emulator.http.Faults;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a sync killed with {@code kill -9} in the middle of writing leaves state the next run
 * converges from: no duplicate Account, no duplicate Task, nothing lost.
 */
class SyncCrashTest {
  @TempDir Path dir;

  @Test
  void aRunKilledWhileWritingConvergesOnTheNextRunWithoutDuplicates() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      h.org.setFaults(new Faults(503, 0, null, 0, 300, 0), null);
      Process sync =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  classPath(),
                  Main.class.getName(),
                  "sync",
                  "--vault",
                  h.vault.toString(),
                  "--config",
                  h.config.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("killed-run.log").toFile())
              .start();
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> h.records("Account").size() == 1);
      } finally {
        sync.destroyForcibly().waitFor();
      }
      h.org.clearFaults();
      assertThat(h.records("Account")).hasSize(1);

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isEqualTo(0);

      assertThat(h.records("Account")).hasSize(1);
      assertThat(h.records("Task")).hasSize(8);
      String id = (String) h.records("Account").get(0).get("Id");
      assertThat(h.read("Microsoft.md")).contains("salesforce_id: " + id);
      assertThat(h.sync()).isEqualTo(0);
      assertThat(h.records("Task")).extracting(t -> t.get("Vault_Key__c")).doesNotHaveDuplicates();
      assertThat(List.of(h.report().totals().activitiesCreated())).containsExactly(0);
    }
  }

  /**
   * The application's class path as the test runs it, without Camel's test kits: their main-class
   * support would load the YAML routes a second time in a plain {@code java} process.
   */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String all = surefire != null ? surefire : System.getProperty("java.class.path");
    return Arrays.stream(all.split(File.pathSeparator))
        .filter(entry -> !entry.contains("camel-test"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
