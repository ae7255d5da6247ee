package com.vaultcrmsync.sync.state;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the state folder readable by its owner only ({@code rwx------} where the file system is
 * POSIX): it holds the audit log, links and, with the embedded emulator or the daemon, the org data
 * and the API token. An existing folder that others can read or enter is made owner-only too (the
 * state and report folders are the tool's own, wherever {@code sync.state-dir} or {@code
 * sync.report-dir} put them). The one place that creates owner-only folders and files ({@code
 * rw-------}); the connector, the state database, the reports, the emulator data and the API token
 * all go through it.
 */
public final class StateFolder {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private StateFolder() {}

  /**
   * Creates {@code dir} (and missing parents) when it does not exist, owner-only; an existing one
   * loses any group/other permission. Returns it.
   */
  public static Path create(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      if (POSIX
          && !Files.isSymbolicLink(dir)
          && !FOLDER.containsAll(Files.getPosixFilePermissions(dir))) {
        Files.setPosixFilePermissions(dir, FOLDER);
      }
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

  /**
   * Takes group/other permissions off the existing regular files in {@code dir} whose names start
   * with {@code prefix} (e.g. the H2 database files {@code state.*}, which H2 creates with the
   * umask's mode).
   */
  public static void restrictFiles(Path dir, String prefix) throws IOException {
    if (!POSIX || !Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*")) {
      for (Path f : files) {
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
            && !FILE.containsAll(Files.getPosixFilePermissions(f))) {
          Files.setPosixFilePermissions(f, FILE);
        }
      }
    }
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
