package io.paygate.gateway.metrics.binders;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSizeMetricsTest {
  @TempDir Path dir;

  @Test
  void theEmbeddedDatabaseIsItsFileOnDisk() throws Exception {
    try (Database db = Database.open(
        GatewayConfig.from(ConfigSource.of(Map.of("data.dir", dir.toString()))))) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new DatabaseSizeMetrics(db).bindTo(registry);

      double bytes = registry.get(DatabaseSizeMetrics.NAME).gauge().value();
      assertThat(bytes).isPositive()
          .isEqualTo((double) Files.size(dir.resolve("paygate.mv.db")));
    }
  }

  @Test
  void readAtMostOncePerTtlAndNaNWithoutAFile() {
    AtomicInteger reads = new AtomicInteger();
    AtomicLong nanos = new AtomicLong();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new DatabaseSizeMetrics(() -> {
      reads.incrementAndGet();
      return -1;
    }, nanos::get).bindTo(registry);

    assertThat(registry.get(DatabaseSizeMetrics.NAME).gauge().value()).isNaN();
    assertThat(registry.get(DatabaseSizeMetrics.NAME).gauge().value()).isNaN();
    assertThat(reads).hasValue(1);
    nanos.addAndGet(DatabaseSizeMetrics.TTL.toNanos());
    registry.get(DatabaseSizeMetrics.NAME).gauge().value();
    assertThat(reads).hasValue(2);
  }
}
