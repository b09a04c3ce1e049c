package io.paygate.gateway.config;

import java.time.Duration;

/**
 * When reconciliation looks payments and operations up ({@code reconcile.*}). Durations
 * that a positional constructor would let one swap silently, so services take this record, built
 * once from the configuration ({@link GatewayConfig#reconcile()}).
 *
 * @param staleAfter the age from which a {@code Pending} payment or operation is abandoned and may
 *     be looked up: the acquirer timeout plus {@code reconcile.margin}
 * @param interval how often to look for unresolved payments, and the first backoff step
 * @param maxBackoff the longest wait between two look-ups of one payment
 * @param cancelAfter the age from which an {@code Unknown} payment its bank cannot tell about is
 *     cancelled technically, when its acquirer can ({@code reconcile.cancel.after})
 */
public record ReconcileSettings(Duration staleAfter, Duration interval, Duration maxBackoff,
    Duration cancelAfter) {
  public ReconcileSettings {
    requirePositive(staleAfter, "staleAfter");
    requirePositive(interval, "interval");
    requirePositive(maxBackoff, "maxBackoff");
    requirePositive(cancelAfter, "cancelAfter");
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + d);
    }
  }
}
