package com.vaultcrmsync.crm;

import org.apache.camel.CamelContext;

/**
 * The bounded exponential backoff of {@code crm.retry.*}, shared by the routes' redelivery policy
 * and the gateway's retry of records that came back {@code UNABLE_TO_LOCK_ROW}.
 */
public record RetryBackoff(
    int maxRetries, long initialDelayMs, double multiplier, long maxDelayMs) {

  /**
   * Reads {@code crm.retry.max-retries}, {@code initial-delay-ms}, {@code multiplier}, {@code
   * max-delay-ms}.
   */
  public static RetryBackoff from(CamelContext context) {
    return new RetryBackoff(
        Integer.parseInt(value(context, "crm.retry.max-retries")),
        Long.parseLong(value(context, "crm.retry.initial-delay-ms")),
        Double.parseDouble(value(context, "crm.retry.multiplier")),
        Long.parseLong(value(context, "crm.retry.max-delay-ms")));
  }

  /** Milliseconds to wait before retry number {@code retry} (1-based). */
  public long delayBefore(int retry) {
    double delay = initialDelayMs * Math.pow(multiplier, retry - 1);
    return (long) Math.min(delay, maxDelayMs);
  }

  /** The packaged configuration defines every key, validated (app.Settings) before the start. */
  private static String value(CamelContext context, String key) {
    return context
        .getPropertiesComponent()
        .resolveProperty(key)
        .orElseThrow(() -> new IllegalStateException(key + " is not configured"))
        .trim();
  }
}
