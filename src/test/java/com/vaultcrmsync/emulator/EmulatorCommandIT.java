package com.vaultcrmsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.testing.JarProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves {@code java -jar vault-crm-sync.jar emulator} serves, and saves its org on SIGTERM. */
class EmulatorCommandIT {

  @TempDir Path dir;

  @Test
  void jarRunsTheEmulatorPrintsItsUrlAndSavesOnSigterm() throws Exception {
    Path data = dir.resolve("org.json");
    Process p =
        JarProcess.builder("emulator", "--data", data.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).matches("Salesforce emulator listening on http://127\\.0\\.0\\.1:\\d+");
      String base = line.substring(line.indexOf("http://"));
      EmulatorHttp http = new EmulatorHttp(base).login();
      EmulatorHttp.Reply created =
          http.call("POST", EmulatorHttp.V + "/sobjects/Account", "{\"Name\":\"Durable\"}");
      assertThat(created.status()).isEqualTo(201);
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(data)).contains(created.json().get("id").asText());
    } finally {
      p.destroyForcibly();
    }
    try (Emulator again = Emulator.start(EmulatorOptions.defaults().withDataFile(data))) {
      assertThat(again.org().store().count("Account")).isEqualTo(1);
      assertThat(again.insertAs("Integration User", "Account", Map.of("Name", "More")))
          .startsWith("001");
    }
  }
}
