package com.vaultcrmsync.sync.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The one-writer lock of a state folder ({@code <state folder>/sync.lock}): an OS file lock, so it
 * holds across processes and is released by the OS when its holder dies, even by {@code kill -9}. A
 * second sync on the same vault waits up to the configured time for it and then refuses with {@link
 * Busy}; two syncs never write at once.
 */
public final class SyncLock implements AutoCloseable {
  /** The lock file's name inside the state folder. */
  public static final String FILE_NAME = "sync.lock";

  private static final long POLL_NANOS = Duration.ofMillis(100).toNanos();

  /**
   * Lock files held by this process: on POSIX, closing any handle of a file drops every lock the
   * process holds on it, so a second run in this JVM must not even open the file.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private SyncLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** Another sync holds the lock (exit 3: nothing was read or written). */
  public static final class Busy extends StateException {
    Busy(Path file, Duration waited) {
      super(
          "another sync is running on this vault (lock "
              + file
              + " held"
              + (waited.isZero() ? "" : " for the " + waited.toSeconds() + " s waited")
              + "); this run did not start, try again when it has finished",
          null);
    }
  }

  /**
   * Takes the lock of {@code stateDir}, creating the folder owner-only when missing.
   *
   * @param wait how long to wait for another holder to finish; zero refuses at once
   * @throws Busy when another sync still holds it after {@code wait}
   */
  public static SyncLock acquire(Path stateDir, Duration wait) {
    Path file = stateDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      if (HELD.add(file)) {
        SyncLock taken = tryFile(file);
        if (taken != null) {
          return taken;
        }
        HELD.remove(file);
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new Busy(file, wait);
      }
      LockSupport.parkNanos(POLL_NANOS);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new Busy(file, wait);
      }
    }
  }

  /** The lock when no other process holds it, else null (the file handle is then closed). */
  private static SyncLock tryFile(Path file) {
    FileChannel channel = null;
    try {
      StateFolder.create(file.getParent());
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        return null;
      }
      channel.truncate(0);
      channel.write(
          StandardCharsets.UTF_8.encode(
              "pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n"));
      return new SyncLock(file, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      HELD.remove(file);
      throw new StateException("cannot take the sync lock " + file, e);
    }
  }

  /** The lock, or null when another process or another run of this process holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases the lock as well.
    }
    closeQuietly(channel);
    HELD.remove(file);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing was written through it that matters; the OS drops the lock with the handle.
      }
    }
  }
}
