package com.vaultcrmsync.emulator.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts API calls by operation ({@code query}, {@code compositeUpsert}, ...) since the last reset.
 */
public final class CallStats {

  private final Map<String, AtomicLong> apiCalls = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> oauthCalls = new ConcurrentHashMap<>();

  void api(String operation) {
    apiCalls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
  }

  void oauth(String operation) {
    oauthCalls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
  }

  public void reset() {
    apiCalls.clear();
    oauthCalls.clear();
  }

  public EmulatorStats snapshot(int dailyUsed, int dailyMax) {
    Map<String, Long> by = new TreeMap<>();
    apiCalls.forEach((k, v) -> by.put(k, v.get()));
    Map<String, Long> oauth = new TreeMap<>();
    oauthCalls.forEach((k, v) -> oauth.put(k, v.get()));
    long total = by.values().stream().mapToLong(Long::longValue).sum();
    return new EmulatorStats(total, by, oauth, dailyUsed, dailyMax);
  }
}
