package io.paygate.gateway.metrics;

import java.time.Duration;

/** Bucket boundaries shared by the latency histograms, beside Micrometer's percentile buckets. */
final class Slo {
  /** The boundaries a payment SLO is written against: 10 ms to 10 s. */
  static final Duration[] LATENCY = {
      Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private Slo() {}
}
