package io.paygate.gateway.webhooks;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter: after attempt n, wait {@code base × 2^(n-1)}, capped at
 * {@code maxDelay}, then spread by ±20% so that the retries of many events failing together do
 * not arrive together.
 */
public final class RetrySchedule {
  private final Duration base;
  private final Duration maxDelay;
  private final int maxAttempts;

  public RetrySchedule(Duration base, Duration maxDelay, int maxAttempts) {
    this.base = base;
    this.maxDelay = maxDelay;
    this.maxAttempts = maxAttempts;
  }

  /** Whether another attempt follows attempt number {@code attempts}. */
  public boolean hasNext(int attempts) {
    return attempts < maxAttempts;
  }

  /** The wait after attempt number {@code attempts} (1 for the first), jitter included. */
  public Duration delayAfter(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 40);
    long millis = base.toMillis();
    long capped = millis;
    for (int i = 0; i < doublings && capped < maxDelay.toMillis(); i++) {
      capped *= 2;
    }
    capped = Math.min(capped, maxDelay.toMillis());
    double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
  }
}
