package io.paygate.gateway.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (a merchant, a login name, an address): each key may spend {@code permits}
 * requests at once and gets them back evenly over {@code period}.
 *
 * <p>In memory, so each gateway node counts on its own: behind a load balancer with N nodes, a
 * client can get up to N times the limit. Good enough to stop one client from flooding a node;
 * a shared limit needs a shared store (SECURITY.md).
 */
public final class RateLimiter {
  /** Buckets are kept in millionths of a permit, so refills need no floating point. */
  private static final long UNIT = 1_000_000;
  /** Past this many keys, buckets that are full again are forgotten. */
  private static final int MAX_KEYS = 100_000;

  private final long capacity;
  private final long refillPerMilli;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param permits requests a key may make at once, and per {@code period}; 0 admits everything
   */
  public RateLimiter(long permits, Duration period, Clock clock) {
    this.capacity = permits * UNIT;
    this.refillPerMilli = Math.max(1, permits * UNIT / Math.max(1, period.toMillis()));
    this.clock = clock;
  }

  /** Whether this limiter admits everything. */
  public boolean isOff() {
    return capacity == 0;
  }

  /**
   * Takes one permit for {@code key}.
   *
   * @return 0 when admitted; otherwise the whole seconds to wait before a permit is back
   */
  public long acquire(String key) {
    if (isOff()) {
      return 0;
    }
    long now = clock.millis();
    if (buckets.size() > MAX_KEYS) {
      buckets.values().removeIf(b -> b.isFull(now));
    }
    return buckets.computeIfAbsent(key, k -> new Bucket(now)).take(now);
  }

  private final class Bucket {
    private long level = capacity;
    private long at;

    Bucket(long now) {
      this.at = now;
    }

    synchronized long take(long now) {
      refill(now);
      if (level >= UNIT) {
        level -= UNIT;
        return 0;
      }
      long millis = (UNIT - level + refillPerMilli - 1) / refillPerMilli;
      return Math.max(1, (millis + 999) / 1000);
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return level >= capacity;
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
