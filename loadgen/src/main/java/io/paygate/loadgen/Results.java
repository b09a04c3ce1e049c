package io.paygate.loadgen;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the run measured: every answer's latency (in microseconds, up to an hour, three significant
 * digits), the answers per request kind, and the errors by kind. Written by every worker at once;
 * read by the one reporter thread, which owns the accumulated histogram.
 */
final class Results {
  private static final long MAX_MICROS = 3_600_000_000L;

  private final Recorder recorder = new Recorder(MAX_MICROS, 3);
  private final Histogram total = new Histogram(MAX_MICROS, 3);
  private final Map<RequestKind, LongAdder> sent = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder errorCount = new LongAdder();
  private final LongAdder count = new LongAdder();

  /** Records one answered request. */
  void record(RequestKind kind, long latencyNanos, String error) {
    recorder.recordValue(Math.min(MAX_MICROS, Math.max(0, latencyNanos / 1_000)));
    count.increment();
    sent.computeIfAbsent(kind, k -> new LongAdder()).increment();
    if (error != null) {
      errorCount.increment();
      errors.computeIfAbsent(kind.label() + ": " + error, k -> new LongAdder()).increment();
    }
  }

  /** Drops what was recorded so far (the end of the warm-up). Reporter thread only. */
  void reset() {
    recorder.getIntervalHistogram();
    total.reset();
    count.reset();
    errorCount.reset();
    sent.clear();
    errors.clear();
  }

  /** Folds the latest interval into the total and returns the total. Reporter thread only. */
  Histogram accumulate() {
    total.add(recorder.getIntervalHistogram());
    return total;
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
