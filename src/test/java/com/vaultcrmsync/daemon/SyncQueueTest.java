package com.vaultcrmsync.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Proves syncs run one at a time, requests during a run are queued once, and none are lost. */
class SyncQueueTest {
  private final List<SyncRequest> ran = new CopyOnWriteArrayList<>();
  private final AtomicInteger parallel = new AtomicInteger();
  private final AtomicInteger maxParallel = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);

  private RunReport run(SyncRequest request) {
    maxParallel.accumulateAndGet(parallel.incrementAndGet(), Math::max);
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ran.add(request);
    parallel.decrementAndGet();
    return report(request);
  }

  @Test
  void requestsDuringARunAreQueuedOnceAndRunOneAtATime() throws Exception {
    try (SyncQueue queue = new SyncQueue(this::run, r -> false)) {
      CompletableFuture<RunReport> first = queue.submit(SyncRequest.full(false, false));
      await().atMost(Duration.ofSeconds(5)).until(queue::busy);
      CompletableFuture<RunReport> a = queue.submit(SyncRequest.full(false, false));
      CompletableFuture<RunReport> b = queue.submit(SyncRequest.full(false, false));
      CompletableFuture<RunReport> acct = queue.submit(SyncRequest.account("Globex", false, false));
      assertThat(a).isSameAs(b);
      assertThat(queue.pending()).isEqualTo(2);
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS).run().mode()).isEqualTo("full");
      assertThat(a.get(5, TimeUnit.SECONDS).run().mode()).isEqualTo("full");
      assertThat(acct.get(5, TimeUnit.SECONDS).run().scope()).isEqualTo("Globex");
    }
    assertThat(ran)
        .extracting(SyncRequest::mode)
        .containsExactly(SyncRequest.Mode.FULL, SyncRequest.Mode.FULL, SyncRequest.Mode.ACCOUNT);
    assertThat(maxParallel).hasValue(1);
  }

  @Test
  void aWaitingNoteRunIsCoveredByAWaitingFullRun() throws Exception {
    try (SyncQueue queue = new SyncQueue(this::run, r -> false)) {
      queue.submit(SyncRequest.account("busy", false, false));
      await().atMost(Duration.ofSeconds(5)).until(queue::busy);
      CompletableFuture<RunReport> note = queue.submit(SyncRequest.note("A.md", false, false));
      CompletableFuture<RunReport> full = queue.submit(SyncRequest.full(false, false));
      CompletableFuture<RunReport> later = queue.submit(SyncRequest.note("B.md", false, false));
      release.countDown();
      assertThat(note.get(5, TimeUnit.SECONDS)).isSameAs(full.get(5, TimeUnit.SECONDS));
      assertThat(later).isSameAs(full);
    }
    assertThat(ran)
        .extracting(SyncRequest::mode)
        .containsExactly(SyncRequest.Mode.ACCOUNT, SyncRequest.Mode.FULL);
  }

  @Test
  void aNoteExactlyAsTheLastSyncLeftItIsNotSyncedAgain() throws Exception {
    release.countDown();
    try (SyncQueue queue = new SyncQueue(this::run, r -> r.key().equals("Echo.md"))) {
      assertThat(queue.submit(SyncRequest.note("Echo.md", false, false)).get(5, TimeUnit.SECONDS))
          .isNull();
      assertThat(queue.submit(SyncRequest.note("Edited.md", false, false)).get(5, TimeUnit.SECONDS))
          .isNotNull();
    }
    assertThat(ran).extracting(SyncRequest::key).containsExactly("Edited.md");
  }

  private static RunReport report(SyncRequest request) {
    return new RunReport(
        new RunReport.Run(
            request.mode().label(),
            false,
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:01Z",
            "ok",
            null,
            request.key()),
        new RunReport.Api(0, Map.of(), null),
        new RunReport.Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        List.of());
  }
}
