package io.paygate.gateway.config;

import java.time.Duration;

/**
 * How the gateway calls a bank ({@code acquirer.timeout}, {@code acquirer.max.concurrency},
 * {@code acquirer.breaker.*}): two counts and two durations that a positional constructor would
 * let one swap silently, so {@code AcquirerCaller} takes this record, built once from the
 * configuration ({@link GatewayConfig#acquirerCalls()}).
 *
 * @param timeout how long to wait for a bank's answer
 * @param maxConcurrentCalls calls in flight per acquirer; more are refused without calling it
 * @param breakerThreshold failed authorisations in a row that open an acquirer's breaker
 * @param breakerPause how long an open breaker refuses calls before it lets a probe through
 */
public record AcquirerCallSettings(Duration timeout, int maxConcurrentCalls, int breakerThreshold,
    Duration breakerPause) {
  public AcquirerCallSettings {
    requirePositive(timeout, "timeout");
    requirePositive(breakerPause, "breakerPause");
    if (maxConcurrentCalls < 1) {
      throw new IllegalArgumentException("maxConcurrentCalls must be at least 1, not "
          + maxConcurrentCalls);
    }
    if (breakerThreshold < 1) {
      throw new IllegalArgumentException("breakerThreshold must be at least 1, not "
          + breakerThreshold);
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + d);
    }
  }
}
