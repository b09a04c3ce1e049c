package io.paygate.gateway.metrics.binders;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read at most once per {@code ttl}: several gauges of one scrape (a count and an age per
 * status) share one database query, and scrapes closer together than the ttl share it too. A
 * read that fails gives null (the gauges show NaN) until the next try, one ttl later.
 */
final class Cached<T> {
  private static final Logger log = LoggerFactory.getLogger(Cached.class);

  private final Supplier<T> read;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private T value;
  private long readAt;
  private boolean loaded;

  Cached(Supplier<T> read, Duration ttl, LongSupplier nanoTime) {
    this.read = read;
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  synchronized T get() {
    long now = nanoTime.getAsLong();
    if (!loaded || now - readAt >= ttlNanos) {
      readAt = now;
      loaded = true;
      try {
        value = this.read.get();
      } catch (RuntimeException e) {
        log.warn("metrics: cannot read a gauge's value: {}", e.toString());
        value = null;
      }
    }
    return value;
  }
}
