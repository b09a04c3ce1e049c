package io.paygate.sdk.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The instant by which a whole operation, retries and token refreshes included, must be done. One
 * is made per operation and handed down to every call it makes, so that no layer can wait longer
 * than the caller allowed.
 */
public final class Deadline {
  private final long deadlineNanos;
  private final Duration total;

  private Deadline(long deadlineNanos, Duration total) {
    this.deadlineNanos = deadlineNanos;
    this.total = total;
  }

  public static Deadline after(Duration total) {
    return new Deadline(System.nanoTime() + total.toNanos(), total);
  }

  /** The nanoseconds left; zero or less once expired. */
  public long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }

  public boolean isExpired() {
    return remainingNanos() <= 0;
  }

  /** True if {@code delay} from now would end after this deadline. */
  public boolean wouldExpireWithin(Duration delay) {
    return delay.toNanos() >= remainingNanos();
  }

  /** The time this deadline was set for, for messages. */
  public Duration total() {
    return total;
  }

  /** Sleeps {@code delay}; returns early only when interrupted. */
  public static void sleep(Duration delay) throws InterruptedException {
    TimeUnit.NANOSECONDS.sleep(delay.toNanos());
  }

  @Override public String toString() {
    return "Deadline{" + TimeUnit.NANOSECONDS.toMillis(remainingNanos()) + " ms left}";
  }
}
