package com.vaultcrmsync.daemon;

import com.vaultcrmsync.sync.SyncRequest;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon's routes call to ask for work: the schedule asks for a full sync; the vault watch
 * reports files it sees, which become note syncs once debounced. Both only queue; the {@link
 * SyncQueue} runs them one at a time, and a request already waiting is not queued twice.
 */
public final class DaemonTriggers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DaemonTriggers.class);
  private final SyncQueue queue;
  private final NoteDebouncer debouncer;
  private volatile long coveredBefore = Long.MIN_VALUE;

  /**
   * @param debounce how long a note must stay unchanged before its sync is queued
   */
  public DaemonTriggers(SyncQueue queue, Duration debounce) {
    this.queue = queue;
    this.debouncer = new NoteDebouncer(debounce, this::noteChanged);
  }

  /**
   * Files last modified before {@code epochMillis} were read by a full sync that started after it,
   * so seeing them (e.g. on the watch's first poll) is no reason to sync them again.
   */
  public void coveredBefore(long epochMillis) {
    this.coveredBefore = epochMillis;
  }

  /** The quartz schedule fired. */
  public void scheduled() {
    LOG.info("Scheduled full sync queued");
    queue.submit(SyncRequest.full(false, false));
  }

  /** The vault watch saw a new or changed note (vault-relative path, modification time). */
  public void fileSeen(String path, long lastModified) {
    if (lastModified >= coveredBefore) {
      debouncer.changed(path);
    }
  }

  /** A note settled after a change (vault-relative path). */
  void noteChanged(String path) {
    LOG.debug("Note changed: {}", path);
    queue.submit(SyncRequest.note(path, false, false));
  }

  @Override
  public void close() {
    debouncer.close();
  }
}
