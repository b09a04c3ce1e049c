package io.paygate.gateway.metrics.binders;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.paygate.gateway.db.Database;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The database's size on disk (the H2 file, or {@code pg_database_size} on PostgreSQL), read at
 * scrape time at most once per {@link #TTL}.
 */
public final class DatabaseSizeMetrics implements MeterBinder {
  static final String NAME = "paygate.db.size";
  static final Duration TTL = Duration.ofSeconds(2);

  private final Cached<Long> size;

  public DatabaseSizeMetrics(Database database) {
    this(database::sizeOnDisk, System::nanoTime);
  }

  DatabaseSizeMetrics(LongSupplier read, LongSupplier nanoTime) {
    this.size = new Cached<>(read::getAsLong, TTL, nanoTime);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(NAME, this, DatabaseSizeMetrics::bytes).strongReference(true)
        .description("the database's size on disk").baseUnit("bytes").register(registry);
  }

  double bytes() {
    Long bytes = size.get();
    return bytes == null || bytes < 0 ? Double.NaN : bytes;
  }
}
