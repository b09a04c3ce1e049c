package io.paygate.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets by key (a merchant, a login name, an address): each key may spend {@code permits}
 * requests at once and gets them back evenly over {@code period}.
 *
 * <p>The buckets are a Caffeine cache that forgets a bucket untouched for a whole period: it would
 * be full again by then, exactly as a new one. Caffeine reads time from the same clock as the
 * buckets, so a test's clock drives both.
 *
 * <p>In memory, so each gateway node counts on its own; {@link MerchantRateLimit} gives each node
 * its share of a merchant's limit.
 */
public final class RateLimiter {
  /** Buckets are kept in millionths of a permit, so refills need no floating point. */
  private static final long UNIT = 1_000_000;
  /** Past this many keys, Caffeine evicts the least used: they cost memory, not correctness. */
  private static final int MAX_KEYS = 100_000;

  private final long permits;
  private final long periodMillis;
  private final Clock clock;
  private final Cache<String, Bucket> buckets;

  /**
   * @param permits requests a key may make at once, and per {@code period}, unless
   *     {@link #acquire(String, long)} says otherwise; 0 admits everything
   */
  public RateLimiter(long permits, Duration period, Clock clock) {
    this.permits = permits;
    this.periodMillis = Math.max(1, period.toMillis());
    this.clock = clock;
    this.buckets = Caffeine.newBuilder()
        .expireAfterAccess(Duration.ofMillis(periodMillis))
        .maximumSize(MAX_KEYS)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .build();
  }

  /** Whether this limiter admits everything by default. */
  public boolean isOff() {
    return permits == 0;
  }

  /**
   * Takes one permit for {@code key}.
   *
   * @return 0 when admitted; otherwise the whole seconds to wait before a permit is back
   */
  public long acquire(String key) {
    return acquire(key, permits);
  }

  /**
   * Takes one permit for {@code key}, whose bucket holds {@code keyPermits} (per period): a
   * bucket whose size changes (the merchant's limit, the number of nodes) keeps what it holds, up
   * to the new size.
   *
   * @return 0 when admitted; otherwise the whole seconds to wait before a permit is back
   */
  public long acquire(String key, long keyPermits) {
    if (keyPermits <= 0) {
      return 0;
    }
    long now = clock.millis();
    return buckets.get(key, k -> new Bucket(keyPermits, now)).take(keyPermits, now);
  }

  private final class Bucket {
    private long capacity;
    private long refillPerMilli;
    private long level;
    private long at;

    Bucket(long keyPermits, long now) {
      resize(keyPermits);
      this.level = capacity;
      this.at = now;
    }

    private void resize(long keyPermits) {
      capacity = keyPermits * UNIT;
      refillPerMilli = Math.max(1, keyPermits * UNIT / periodMillis);
    }

    synchronized long take(long keyPermits, long now) {
      if (keyPermits * UNIT != capacity) {
        refill(now);
        resize(keyPermits);
        level = Math.min(level, capacity);
      }
      refill(now);
      if (level >= UNIT) {
        level -= UNIT;
        return 0;
      }
      long millis = (UNIT - level + refillPerMilli - 1) / refillPerMilli;
      return Math.max(1, (millis + 999) / 1000);
    }

    private void refill(long now) {
      if (now > at) {
        long gained = (now - at) > capacity / refillPerMilli ? capacity : (now - at) * refillPerMilli;
        level = Math.min(capacity, level + gained);
        at = now;
      }
    }
  }
}
