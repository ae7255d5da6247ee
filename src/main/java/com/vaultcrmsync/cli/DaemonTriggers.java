package com.vaultcrmsync.cli;

import com.vaultcrmsync.sync.SyncQueue;
import com.vaultcrmsync.sync.SyncRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon's routes call to ask for work: the schedule asks for a full sync, the vault watch
 * (after debouncing) for a note sync. Both only queue; the {@link SyncQueue} runs them one at a
 * time, and a request already waiting is not queued twice.
 */
public final class DaemonTriggers {
  private static final Logger LOG = LoggerFactory.getLogger(DaemonTriggers.class);
  private final SyncQueue queue;

  public DaemonTriggers(SyncQueue queue) {
    this.queue = queue;
  }

  /** The quartz schedule fired. */
  public void scheduled() {
    LOG.info("Scheduled full sync queued");
    queue.submit(SyncRequest.full(false, false));
  }

  /** A note settled after a change (vault-relative path). */
  public void noteChanged(String path) {
    LOG.debug("Note changed: {}", path);
    queue.submit(SyncRequest.note(path, false, false));
  }
}
