package io.paygate.gateway.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The group commit's batches: how many writes each commit carried and how long the group took
 * (its writes and the commit). Recorded once per group by the writer thread, so the cost is two
 * histogram updates per commit, not per payment.
 */
public final class GroupCommitMetrics {
  static final String SIZE = "paygate.db.group.commit.size";
  static final String DURATION = "paygate.db.group.commit.duration";

  private final DistributionSummary size;
  private final Timer duration;

  public GroupCommitMetrics(MeterRegistry registry) {
    this.size = DistributionSummary.builder(SIZE).baseUnit("writes")
        .description("writes committed together in one group")
        .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
        .register(registry);
    this.duration = Timer.builder(DURATION)
        .description("time to run a group's writes and commit them")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(5))
        .register(registry);
  }

  /** A group of {@code writes} was committed (or failed) after {@code nanos}. */
  public void committed(int writes, long nanos) {
    size.record(writes);
    duration.record(nanos, TimeUnit.NANOSECONDS);
  }
}
