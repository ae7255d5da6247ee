package com.vaultcrmsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shaded jar run as its own process with {@code java -jar}, the way a user runs it. The jar is
 * the one Failsafe names in the system property {@code vaultcrmsync.jar}, else {@code
 * target/vault-crm-sync.jar}.
 */
public final class JarProcess {

  /** What a finished run printed and returned. */
  public record Result(int code, String out, String err) {}

  private JarProcess() {}

  /** Absolute path of the shaded jar under test. */
  public static Path jar() {
    return Path.of(System.getProperty("vaultcrmsync.jar", "target/vault-crm-sync.jar"))
        .toAbsolutePath();
  }

  /** Skips the calling test when the shaded jar has not been built. */
  public static void assumeBuilt() {
    assumeTrue(Files.isRegularFile(jar()), "the shaded jar is not built");
  }

  /** {@code java -jar JAR args...} with this JVM's java, not yet started, to redirect as needed. */
  public static ProcessBuilder builder(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /**
   * Runs the jar in {@code workDir} to its end, its output kept in {@code stdout.txt} and {@code
   * stderr.txt} there; fails the test if it has not finished within {@code timeout}.
   */
  public static Result run(Path workDir, Duration timeout, String... args)
      throws IOException, InterruptedException {
    Path stdout = workDir.resolve("stdout.txt");
    Path stderr = workDir.resolve("stderr.txt");
    Process p =
        builder(args)
            .directory(workDir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    try {
      assertThat(p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("jar finished").isTrue();
    } finally {
      p.destroyForcibly();
    }
    return new Result(
        p.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
