package com.vaultcrmsync.daemon;

import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.sync.run.SyncCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs syncs one at a time on a single worker thread. A request that arrives while a run is going
 * is queued once: asking again for a run that is already waiting (the same mode and key) returns
 * the waiting run's future instead of queueing another, and note runs wait inside a pending full
 * run, which covers them. Nothing is run in parallel and nothing is dropped until {@link #close}.
 */
public final class SyncQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SyncQueue.class);
  private static final SyncRequest FULL = SyncRequest.full(false, false);

  private final SyncCall call;
  private final Predicate<SyncRequest> alreadySynced;
  private final Map<SyncRequest, CompletableFuture<RunReport>> waiting = new LinkedHashMap<>();
  private final Thread worker;
  private volatile RunReport last;
  private boolean closed;
  private SyncRequest running;

  /**
   * @param call runs one sync
   * @param alreadySynced asked on the worker, right before a note run starts, whether the note is
   *     exactly as the last sync left it (the tool's own write-back); such a run is skipped and its
   *     future completes with null
   */
  public SyncQueue(SyncCall call, Predicate<SyncRequest> alreadySynced) {
    this.call = call;
    this.alreadySynced = alreadySynced;
    this.worker = new Thread(this::work, "sync-worker");
    worker.start();
  }

  /**
   * Queues a run, or joins the identical run already waiting; the future completes with its report
   * (or the failure that ended it).
   */
  public synchronized CompletableFuture<RunReport> submit(SyncRequest request) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("the daemon is stopping"));
    }
    if (request.mode() == SyncRequest.Mode.NOTE && waiting.containsKey(FULL)) {
      return waiting.get(FULL);
    }
    CompletableFuture<RunReport> future =
        waiting.computeIfAbsent(request, r -> new CompletableFuture<>());
    if (request.equals(FULL)) {
      foldNotesInto(future);
    }
    notifyAll();
    return future;
  }

  /** Waiting note runs are covered by a waiting full run: they finish with it. */
  private void foldNotesInto(CompletableFuture<RunReport> full) {
    var it = waiting.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<SyncRequest, CompletableFuture<RunReport>> e = it.next();
      if (e.getKey().mode() == SyncRequest.Mode.NOTE) {
        CompletableFuture<RunReport> note = e.getValue();
        full.whenComplete(
            (r, failure) -> {
              if (failure != null) {
                note.completeExceptionally(failure);
              } else {
                note.complete(r);
              }
            });
        it.remove();
      }
    }
  }

  /** The report of the last run that finished, if any. */
  public Optional<RunReport> lastReport() {
    return Optional.ofNullable(last);
  }

  /** Whether a run is going now. */
  public synchronized boolean busy() {
    return running != null;
  }

  /** Runs waiting to start. */
  public synchronized int pending() {
    return waiting.size();
  }

  private void work() {
    while (true) {
      SyncRequest request;
      CompletableFuture<RunReport> future;
      synchronized (this) {
        while (waiting.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (waiting.isEmpty()) {
          return;
        }
        Map.Entry<SyncRequest, CompletableFuture<RunReport>> next =
            waiting.entrySet().iterator().next();
        request = next.getKey();
        future = next.getValue();
        waiting.remove(request);
        running = request;
      }
      try {
        if (request.mode() == SyncRequest.Mode.NOTE && alreadySynced.test(request)) {
          LOG.debug("{} is as the last sync left it; not synced again", request.key());
          future.complete(null);
          continue;
        }
        RunReport report = call.run(request);
        last = report;
        future.complete(report);
      } catch (RuntimeException | Error e) {
        LOG.warn("{} sync failed: {}", request.mode().label(), e.getMessage());
        future.completeExceptionally(e);
      } finally {
        synchronized (this) {
          running = null;
        }
      }
    }
  }

  /**
   * Stops taking requests, fails the runs still waiting, and waits up to {@code timeoutMs} for the
   * run in progress to finish (it is never cut short: a run ends with its notes and state whole).
   */
  public void close(long timeoutMs) {
    synchronized (this) {
      closed = true;
      waiting
          .values()
          .forEach(f -> f.completeExceptionally(new IllegalStateException("the daemon stopped")));
      waiting.clear();
      notifyAll();
    }
    try {
      worker.join(Math.max(1, timeoutMs));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(10_000);
  }
}
