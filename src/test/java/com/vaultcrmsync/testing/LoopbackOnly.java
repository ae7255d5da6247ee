package com.vaultcrmsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a server of this JVM listens on 127.0.0.1 only: never 0.0.0.0, ::, or a LAN address.
 */
public final class LoopbackOnly {
  private LoopbackOnly() {}

  /**
   * Asserts from the kernel's socket tables ({@code /proc/net/tcp*}) that the port's listening
   * sockets are bound to 127.0.0.1 (as IPv4 or IPv4-mapped IPv6), and that a connection to each of
   * this machine's own non-loopback addresses is refused. Skips the calling test, saying so, where
   * the tables cannot be read: the connection check alone proves nothing on a host without other
   * addresses.
   */
  public static void assertListensOnLoopbackOnly(int port) throws IOException {
    assumeTrue(
        Files.isReadable(Path.of("/proc/net/tcp")),
        "no readable /proc/net/tcp (not Linux?): the listening address cannot be checked");
    String hex = String.format(Locale.ROOT, "%04X", port);
    List<String> listening = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (Files.isReadable(file)) {
        Files.readAllLines(file).stream()
            .map(String::trim)
            .map(l -> l.split("\\s+"))
            .filter(f -> f.length > 3 && f[1].endsWith(":" + hex) && f[3].equals("0A"))
            .forEach(f -> listening.add(f[1]));
      }
    }
    assertThat(listening)
        .as("listening sockets on port %d", port)
        .isNotEmpty()
        .allMatch(
            a ->
                a.equals("0100007F:" + hex) || a.equals("0000000000000000FFFF00000100007F:" + hex));
    for (InetAddress address : ownNonLoopbackAddresses()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(address, port), 2000);
        throw new AssertionError("port " + port + " is reachable on " + address);
      } catch (IOException expected) {
        // Refused: nothing listens there.
      }
    }
  }

  private static List<InetAddress> ownNonLoopbackAddresses() throws IOException {
    List<InetAddress> out = new ArrayList<>();
    for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(n.getInetAddresses())) {
        if (!a.isLoopbackAddress() && a instanceof Inet4Address) {
          out.add(a);
        }
      }
    }
    return out;
  }
}
