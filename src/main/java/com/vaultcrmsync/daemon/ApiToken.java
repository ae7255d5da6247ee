package com.vaultcrmsync.daemon;

import com.vaultcrmsync.app.ConfigurationException;
import com.vaultcrmsync.sync.state.StateFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of the local HTTP API: {@code VAULT_CRM_SYNC_API_TOKEN} when set, else a random
 * token kept in {@code <state folder>/api-token}, readable by the owner only (folder rwx------,
 * file rw-------); an existing file that others can read or change, or that holds fewer than 32
 * characters, is refused. Only the file's path is ever logged. Comparison takes constant time.
 */
public final class ApiToken {
  /** The environment variable that sets the token. */
  public static final String ENV = "VAULT_CRM_SYNC_API_TOKEN";

  /** The token file's name in the state folder. */
  public static final String FILE = "api-token";

  /** The shortest token accepted from the token file (a generated one has 43 characters). */
  static final int MIN_LENGTH = 32;

  private static final Logger LOG = LoggerFactory.getLogger(ApiToken.class);

  private final byte[] expected;

  private ApiToken(String token) {
    this.expected = token.getBytes(StandardCharsets.UTF_8);
  }

  /** A fixed token (tests, and the environment variable). */
  public static ApiToken of(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("an API token must not be blank");
    }
    return new ApiToken(token.strip());
  }

  /**
   * The token from {@code environmentValue} when not blank, else the one stored in the state folder
   * (created on first use).
   *
   * @throws ConfigurationException when the token file cannot be read or written, is readable or
   *     writable by others, or holds a token shorter than 32 characters
   */
  public static ApiToken resolve(String environmentValue, Path stateDir) {
    if (environmentValue != null && !environmentValue.isBlank()) {
      LOG.info("HTTP API token taken from {}", ENV);
      return of(environmentValue);
    }
    Path file = stateDir.resolve(FILE);
    try {
      if (Files.isRegularFile(file)) {
        refuseIfOthersCanRead(file);
        String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!stored.isEmpty() && stored.length() < MIN_LENGTH) {
          throw new ConfigurationException(
              "The HTTP API token in "
                  + file
                  + " is shorter than "
                  + MIN_LENGTH
                  + " characters: delete the file to get a new one, or set "
                  + ENV);
        }
        if (!stored.isEmpty()) {
          LOG.info("HTTP API token read from {} (set {} to choose one)", file, ENV);
          return of(stored);
        }
      }
      String token = generate();
      StateFolder.create(stateDir);
      Path tmp = stateDir.resolve(FILE + ".tmp");
      Files.deleteIfExists(tmp);
      StateFolder.createFile(tmp);
      Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      LOG.info("HTTP API token generated and stored in {} (set {} to choose one)", file, ENV);
      return of(token);
    } catch (IOException e) {
      throw new ConfigurationException("Cannot keep the HTTP API token in " + file + ": " + e);
    }
  }

  /**
   * Whether an {@code Authorization} header value carries this token as {@code Bearer <token>}; the
   * comparison does not depend on where the values differ.
   */
  public boolean accepts(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }

  private static void refuseIfOthersCanRead(Path file) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
      return;
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
    if (mode.contains(PosixFilePermission.GROUP_READ)
        || mode.contains(PosixFilePermission.OTHERS_READ)
        || mode.contains(PosixFilePermission.GROUP_WRITE)
        || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new ConfigurationException(
          "The HTTP API token file "
              + file
              + " can be read or changed by others ("
              + PosixFilePermissions.toString(mode)
              + "): run chmod 600 "
              + file
              + ", or delete it to get a new one");
    }
  }

  private static String generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
