package com.vaultcrmsync.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the HTTP port a daemon process bound from its log, so a test can start the jar with {@code
 * camel.server.port=0} and let the system pick a free port at bind time (a port probed free and
 * then released can be taken by another process before the daemon binds it).
 */
public final class DaemonLog {
  /** The line {@code Daemon.start} logs once its HTTP API is bound. */
  private static final Pattern STARTED =
      Pattern.compile("HTTP API on http://127\\.0\\.0\\.1:(\\d+)/api");

  private DaemonLog() {}

  /** The port of the last daemon start logged in {@code log}, waiting up to {@code atMost}. */
  public static int httpPort(Path log, Duration atMost) {
    return await()
        .atMost(atMost)
        .ignoreExceptions()
        .until(() -> lastPort(Files.readString(log, StandardCharsets.ISO_8859_1)), p -> p > 0);
  }

  private static int lastPort(String log) {
    Matcher m = STARTED.matcher(log);
    int port = -1;
    while (m.find()) {
      port = Integer.parseInt(m.group(1));
    }
    return port;
  }

  /** A properties file for {@code --config} that makes the daemon bind a port the system picks. */
  public static Path anyPortConfig(Path dir) throws IOException {
    return Files.writeString(dir.resolve("any-port.properties"), "camel.server.port = 0\n");
  }
}
