package io.paygate.gateway.webhooks;

import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Payments first: decides how fast the dispatcher may claim deliveries. While payments are quiet,
 * at full speed; while they are busy, at most {@code busyRate} deliveries a second, so that at
 * saturation the deliveries lag (the outbox grows) instead of payments slowing down, and catch up
 * once the load falls. Nothing is dropped: what is not claimed stays due in the outbox.
 *
 * <p>The signal is the number of payments in flight (stored, bank not answered yet), averaged
 * over about a second so that one burst does not throttle and one lull does not release. It turns
 * busy when the average reaches {@code busyAt} and clears when it falls below half of that: the
 * gap keeps it from flapping at the threshold. At saturation every connection has a payment in
 * flight; at a fixed rate below the peak it stayed off (BENCHMARKS.md, "Webhooks").
 *
 * <p>Not thread-safe: only the dispatcher's thread calls it.
 */
final class DeliveryGovernor {
  /** How long the average of payments in flight remembers: about a second. */
  static final long SMOOTHING_NANOS = Duration.ofSeconds(1).toNanos();
  /** Claims while busy are batched: at least this far apart, so a claim takes several rows. */
  static final long BUSY_SPACING_NANOS = Duration.ofMillis(100).toNanos();

  /** What the dispatcher may do next: wait {@code spacingNanos} after the last claim, take {@code limit}. */
  record Pace(long spacingNanos, int limit) {}

  private final IntSupplier paymentsInFlight;
  private final LongSupplier nanoTime;
  private final int busyAt;
  private final Pace full;
  private final Pace throttled;
  private double average;
  private long sampledAt;
  private boolean sampled;
  private volatile boolean busy;

  /**
   * @param busyAt payments in flight, on average, at which deliveries are throttled; 0: never
   * @param busyRate the most deliveries a second while busy
   * @param full the pace while payments are quiet
   */
  DeliveryGovernor(IntSupplier paymentsInFlight, LongSupplier nanoTime, int busyAt, int busyRate,
      Pace full) {
    if (busyRate < 1) {
      throw new IllegalArgumentException("busyRate < 1");
    }
    this.paymentsInFlight = paymentsInFlight;
    this.nanoTime = nanoTime;
    this.busyAt = busyAt;
    this.full = full;
    // Up to a tenth of a second's worth per claim, one at least: 100/s is 10 every 100 ms, 2/s is
    // one every 500 ms.
    int perClaim = Math.max(1, busyRate / 10);
    long spacing = Math.max(BUSY_SPACING_NANOS, perClaim * 1_000_000_000L / busyRate);
    this.throttled = new Pace(spacing, perClaim);
  }

  /** Reads the signal and answers the pace to keep until the next call. */
  Pace pace() {
    if (busyAt <= 0) {
      return full;
    }
    long now = nanoTime.getAsLong();
    int inFlight = paymentsInFlight.getAsInt();
    if (!sampled) {
      average = inFlight;
      sampled = true;
    } else {
      // An average weighted by time, not by sample: the dispatcher looks at irregular intervals.
      double weight = 1 - Math.exp(-(double) Math.max(0, now - sampledAt) / SMOOTHING_NANOS);
      average += (inFlight - average) * weight;
    }
    sampledAt = now;
    if (busy) {
      busy = average >= busyAt / 2.0;
    } else {
      busy = average >= busyAt;
    }
    return busy ? throttled : full;
  }

  /** Whether deliveries are being throttled: for the metrics, from any thread. */
  boolean busy() {
    return busy;
  }
}
