package com.vaultcrmsync.app;

import com.vaultcrmsync.sync.state.StateStore;
import com.vaultcrmsync.sync.state.SyncLock;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mark in a state folder that it belongs to a real Salesforce org ({@code sync_position} rows
 * {@code org.mode = org} and {@code org.login-host = <host>}, the login URL's host only): written
 * before the first run that writes against that org, and checked before the embedded emulator would
 * start, so that a vault linked to a real org never silently syncs with an empty emulator. An org
 * on a loopback address (the standalone emulator, the demo) is not a real org.
 */
final class OrgLink {
  static final String MODE = "org.mode";
  static final String HOST = "org.login-host";
  private static final String STATE_FILE = "state.mv.db";
  private static final Logger LOG = LoggerFactory.getLogger(OrgLink.class);

  private OrgLink() {}

  /**
   * Refuses the embedded emulator for a state folder linked to a real org, before anything starts.
   *
   * @throws ConfigurationException naming the org's host and the variables to set (exit 2)
   */
  static void refuseEmulatorIfLinked(Path stateDir, Duration lockWait) {
    if (stateDir == null || !Files.isRegularFile(stateDir.resolve(STATE_FILE))) {
      return;
    }
    Optional<String> host;
    try (SyncLock lock = SyncLock.acquire(stateDir, lockWait);
        StateStore state = StateStore.readOnly(stateDir)) {
      host = state.position(MODE).filter("org"::equals).map(m -> state.position(HOST).orElse("?"));
    }
    if (host.isPresent()) {
      throw new ConfigurationException(
          "this vault is linked to a Salesforce org ("
              + host.get()
              + ") but SALESFORCE_LOGIN_URL and the other Salesforce variables are not set: set "
              + SalesforceMode.ORG_VARIABLES
              + " (see README \"Connecting to Salesforce\") — the embedded emulator is never used"
              + " for a vault linked to a real org (state folder "
              + stateDir.toAbsolutePath()
              + ")");
    }
  }

  /** Marks {@code stateDir} as linked to the org at {@code loginUrl}, unless it is on loopback. */
  static void record(Path stateDir, String loginUrl, Duration lockWait) {
    String host = host(loginUrl);
    if (host == null || loopback(host)) {
      return;
    }
    try (SyncLock lock = SyncLock.acquire(stateDir, lockWait);
        StateStore state = StateStore.open(stateDir)) {
      Optional<String> before = state.position(HOST);
      if (before.isPresent() && !before.get().equals(host)) {
        LOG.warn(
            "This state folder was linked to the org at {}; it is now linked to {}",
            before.get(),
            host);
      }
      if (before.isEmpty() || !before.get().equals(host)) {
        state.putPosition(HOST, host);
      }
      if (state.position(MODE).isEmpty()) {
        state.putPosition(MODE, "org");
      }
    }
  }

  /** The login URL's host alone (no user info, port, path or query), or null. */
  static String host(String loginUrl) {
    try {
      return URI.create(loginUrl.strip()).getHost();
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  private static boolean loopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false;
    }
    try {
      // A literal address: no name lookup happens.
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
