package io.paygate.sdk.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits a random time between half and all
 * of {@code min(max, initial * 2^(n-1))}. The random half keeps many clients that failed together
 * from retrying together; the fixed half makes each wait at least as long as the one before, so the
 * pressure on a struggling server only goes down.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;

  public Backoff(Duration initial, Duration max) {
    if (initial.isNegative() || initial.isZero()) throw new IllegalArgumentException("initial <= 0: " + initial);
    if (max.compareTo(initial) < 0) throw new IllegalArgumentException("max < initial: " + max);
    this.initial = initial;
    this.max = max;
  }

  public Duration initial() {
    return initial;
  }

  public Duration max() {
    return max;
  }

  /**
   * The wait before retry number {@code retry} (1 for the first retry). A {@code retryAfter} hint
   * from the server is a floor: the server knows better when it will be ready.
   */
  public Duration delay(int retry, Duration retryAfter) {
    long cap = max.toNanos();
    long base = initial.toNanos();
    // Double without overflow until the cap is reached.
    for (int i = 1; i < retry && base < cap; i++) base = Math.min(cap, base * 2);
    base = Math.min(cap, base);
    long half = base / 2;
    long jittered = half + ThreadLocalRandom.current().nextLong(base - half + 1);
    Duration backoff = Duration.ofNanos(jittered);
    return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
  }

  /**
   * Parses a {@code Retry-After} header: seconds, or an HTTP date. Null when absent or unreadable,
   * which means "no hint" rather than "retry at once".
   */
  public static Duration parseRetryAfter(String header, Clock clock) {
    if (header == null || header.isBlank()) return null;
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(clock.instant(), when.toInstant());
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
