package com.vaultcrmsync.sync.state;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates the state folder readable by its owner only ({@code rwx------} where the file system is
 * POSIX): it holds the audit log, links and, with the embedded emulator or the daemon, the org data
 * and the API token. An existing folder is left as its owner set it.
 */
public final class StateFolder {
  private StateFolder() {}

  /** Creates {@code dir} (and missing parents) when it does not exist; returns it. */
  public static Path create(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      // The umask may have masked the requested bits; set them explicitly.
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } else {
      Files.createDirectories(dir);
    }
    return dir;
  }
}
