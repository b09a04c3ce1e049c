package io.paygate.loadgen;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One latency distribution of a run, in microseconds up to an hour with three significant digits:
 * written by every worker at once, read by the one reporter thread, which owns the accumulated
 * histogram.
 */
final class Latencies {
  private static final long MAX_MICROS = 3_600_000_000L;

  private final Recorder recorder = new Recorder(MAX_MICROS, 3);
  private final Histogram total = new Histogram(MAX_MICROS, 3);

  /** Records one latency; a negative one counts as zero. Any thread. */
  void record(long nanos) {
    recorder.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1_000)));
  }

  /** Drops what was recorded so far. Reporter thread only. */
  void reset() {
    recorder.getIntervalHistogram();
    total.reset();
  }

  /** Folds the latest interval into the total and returns the total. Reporter thread only. */
  Histogram accumulate() {
    total.add(recorder.getIntervalHistogram());
    return total;
  }
}
