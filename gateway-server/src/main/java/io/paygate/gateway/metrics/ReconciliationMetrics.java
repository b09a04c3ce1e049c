package io.paygate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Reconciliation runs (completed or failed, and how long each took) and what became of the
 * payments they looked up: settled (a final status), postponed (still unknown, looked up again
 * later) or flagged (the bank's echo did not match: left to the operator).
 */
public final class ReconciliationMetrics {
  static final String RUNS = "paygate.reconciliation.runs";
  static final String DURATION = "paygate.reconciliation.duration";
  static final String PAYMENTS = "paygate.reconciliation.payments";

  private final Counter completed;
  private final Counter failed;
  private final Timer duration;
  private final Counter settled;
  private final Counter postponed;
  private final Counter flagged;

  public ReconciliationMetrics(MeterRegistry registry) {
    this.completed = run(registry, "completed");
    this.failed = run(registry, "failed");
    this.duration = Timer.builder(DURATION).description("time of one reconciliation run")
        .register(registry);
    this.settled = payment(registry, "settled");
    this.postponed = payment(registry, "postponed");
    this.flagged = payment(registry, "flagged");
  }

  private static Counter run(MeterRegistry registry, String outcome) {
    return Counter.builder(RUNS).description("reconciliation runs").tag("outcome", outcome)
        .register(registry);
  }

  private static Counter payment(MeterRegistry registry, String result) {
    return Counter.builder(PAYMENTS).description("payments looked up by reconciliation")
        .tag("result", result).register(registry);
  }

  /** A run ended after {@code nanos}, normally or by an error. */
  public void ran(boolean ok, long nanos) {
    (ok ? completed : failed).increment();
    duration.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void settled() {
    settled.increment();
  }

  public void postponed() {
    postponed.increment();
  }

  public void flagged() {
    flagged.increment();
  }
}
