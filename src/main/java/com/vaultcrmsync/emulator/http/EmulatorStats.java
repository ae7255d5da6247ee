package com.vaultcrmsync.emulator.http;

import java.util.Map;

/**
 * API calls seen since start or the last reset.
 *
 * @param total API calls counted toward DailyApiRequests (the sum of {@code byOperation})
 * @param byOperation counted calls by operation: {@code query}, {@code queryAll}, {@code
 *     queryMore}, {@code create}, {@code retrieve}, {@code update}, {@code delete}, {@code upsert},
 *     {@code retrieveByExternalId}, {@code deleteByExternalId}, {@code compositeCreate}, {@code
 *     compositeUpdate}, {@code compositeUpsert}, {@code compositeDelete}, {@code
 *     compositeRetrieve}, {@code describeGlobal}, {@code describe}, {@code basicInfo}, {@code
 *     limits}, {@code resources}, {@code composite}, {@code updated}, {@code deleted}
 * @param oauth token endpoint and revoke calls (not counted toward the limit): {@code token},
 *     {@code revoke}
 * @param dailyUsed DailyApiRequests used today
 * @param dailyMax DailyApiRequests maximum
 */
public record EmulatorStats(
    long total,
    Map<String, Long> byOperation,
    Map<String, Long> oauth,
    int dailyUsed,
    int dailyMax) {

  /** Calls of one operation (0 when none). */
  public long calls(String operation) {
    return byOperation.getOrDefault(operation, 0L);
  }
}
