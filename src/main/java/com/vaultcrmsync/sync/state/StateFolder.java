package com.vaultcrmsync.sync.state;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the state folder readable by its owner only ({@code rwx------} where the file system is
 * POSIX): it holds the audit log, links and, with the embedded emulator or the daemon, the org data
 * and the API token. An existing folder is left as its owner set it. The one place that creates
 * owner-only folders and files ({@code rw-------}); the connector, the emulator data and the API
 * token all go through it.
 */
public final class StateFolder {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

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
    if (POSIX) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
      // The umask may have masked the requested bits; set them explicitly.
      Files.setPosixFilePermissions(dir, FOLDER);
    } else {
      Files.createDirectories(dir);
    }
    return dir;
  }

  /** Creates the empty file {@code file} readable and writable by its owner only; returns it. */
  public static Path createFile(Path file) throws IOException {
    if (!POSIX) {
      return Files.createFile(file);
    }
    Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    Files.setPosixFilePermissions(file, FILE);
    return file;
  }
}
