package com.vaultcrmsync.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends again the records of a collection call that came back {@code UNABLE_TO_LOCK_ROW}, with the
 * bounded backoff of {@code crm.retry.*}. A locked record was not written, so repeating it is safe
 * for create, update, upsert and delete alike; the other records keep their first result.
 */
final class LockedRowRetry {
  private static final Logger LOG = LoggerFactory.getLogger(LockedRowRetry.class);
  private final RetryBackoff backoff;

  LockedRowRetry(RetryBackoff backoff) {
    this.backoff = backoff;
  }

  <I> List<SaveResult> send(List<I> chunk, Function<List<I>, List<SaveResult>> send) {
    List<SaveResult> results = new ArrayList<>(send.apply(chunk));
    for (int retry = 1; retry <= backoff.maxRetries(); retry++) {
      List<Integer> locked = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        if (isLocked(results.get(i))) {
          locked.add(i);
        }
      }
      if (locked.isEmpty()) {
        break;
      }
      LOG.warn(
          "{} record(s) locked in Salesforce (UNABLE_TO_LOCK_ROW), retry {} of {}",
          locked.size(),
          retry,
          backoff.maxRetries());
      pause(backoff.delayBefore(retry));
      List<SaveResult> again = send.apply(locked.stream().map(chunk::get).toList());
      for (int k = 0; k < locked.size(); k++) {
        results.set(locked.get(k), again.get(k));
      }
    }
    return results;
  }

  private static boolean isLocked(SaveResult result) {
    return !result.success()
        && result.errors().stream().anyMatch(e -> "UNABLE_TO_LOCK_ROW".equals(e.code()));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CrmException("INTERRUPTED", "interrupted while waiting to retry", null);
    }
  }
}
