package io.paygate.loadgen;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * What the run measured: every answer's latency, the gateway-added latency of the answers that
 * said how long their bank had them (the latency minus the bank's time), the answers per request
 * kind, and the errors by kind. Written by every worker at once; read by the one reporter thread.
 */
final class Results {
  private final Latencies latency = new Latencies();
  private final Latencies gatewayAdded = new Latencies();
  private final Map<RequestKind, LongAdder> sent = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder errorCount = new LongAdder();
  private final LongAdder count = new LongAdder();

  /** Records one answered request and its latency (the total, as the driver measured it). */
  void record(RequestKind kind, long latencyNanos, Answer answer) {
    latency.record(latencyNanos);
    if (answer.hasBankTime()) {
      gatewayAdded.record(latencyNanos - answer.bankNanos());
    }
    count.increment();
    sent.computeIfAbsent(kind, k -> new LongAdder()).increment();
    if (answer.error() != null) {
      errorCount.increment();
      errors.computeIfAbsent(kind.label() + ": " + answer.error(), k -> new LongAdder()).increment();
    }
  }

  /** Drops what was recorded so far (the end of the warm-up). Reporter thread only. */
  void reset() {
    latency.reset();
    gatewayAdded.reset();
    count.reset();
    errorCount.reset();
    sent.clear();
    errors.clear();
  }

  /** Folds the latest interval into the total latency and returns it. Reporter thread only. */
  Histogram accumulate() {
    return latency.accumulate();
  }

  /**
   * Folds the latest interval into the total gateway-added latency and returns it; empty when no
   * answer told its bank's time. Reporter thread only.
   */
  Histogram accumulateGatewayAdded() {
    return gatewayAdded.accumulate();
  }

  long count() {
    return count.sum();
  }

  long errorCount() {
    return errorCount.sum();
  }

  Map<String, Long> errorsByKind() {
    Map<String, Long> m = new TreeMap<>();
    errors.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  Map<String, Long> sentByKind() {
    Map<String, Long> m = new TreeMap<>();
    sent.forEach((k, v) -> m.put(k.label(), v.sum()));
    return m;
  }
}
