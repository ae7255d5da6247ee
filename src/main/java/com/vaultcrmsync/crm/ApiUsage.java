package com.vaultcrmsync.crm;

import java.util.Map;

/**
 * API calls made by this run, by operation ({@code query}, {@code queryMore}, {@code
 * compositeUpsertSObjectCollections}, …), and the daily allowance read from the last {@code
 * Sforce-Limit-Info} header ({@code null} when not known yet).
 */
public record ApiUsage(
    int calls, Map<String, Integer> byOperation, Integer dailyUsed, Integer dailyMax) {

  /** Remaining daily API requests, or null when unknown. */
  public Integer dailyRemaining() {
    return dailyUsed == null || dailyMax == null ? null : dailyMax - dailyUsed;
  }
}
