package io.paygate.gateway.metrics.binders;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.db.Backlog;
import io.paygate.gateway.db.DataAccessException;
import io.paygate.gateway.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BacklogMetricsTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
  final AtomicLong nanos = new AtomicLong();
  final AtomicInteger reads = new AtomicInteger();
  List<Backlog> rows = new ArrayList<>();
  RuntimeException failure;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  BacklogMetricsTest() {
    new BacklogMetrics(() -> {
      reads.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
      return rows;
    }, clock, nanos::get).bindTo(registry);
  }

  double gauge(String name, String status) {
    return registry.get(name).tag("status", status).gauge().value();
  }

  @Test
  void countsAndOldestAgesPerStatus() {
    rows = List.of(new Backlog(PaymentStatus.Pending, 3, clock.instant().minusSeconds(2)),
        new Backlog(PaymentStatus.Unknown, 7, clock.instant().minusSeconds(90)));

    assertThat(gauge(BacklogMetrics.COUNT, "pending")).isEqualTo(3);
    assertThat(gauge(BacklogMetrics.COUNT, "unknown")).isEqualTo(7);
    assertThat(gauge(BacklogMetrics.OLDEST, "pending")).isEqualTo(2);
    assertThat(gauge(BacklogMetrics.OLDEST, "unknown")).isEqualTo(90);
  }

  @Test
  void noBacklogIsZeroNotMissing() {
    assertThat(gauge(BacklogMetrics.COUNT, "unknown")).isZero();
    assertThat(gauge(BacklogMetrics.OLDEST, "unknown")).isZero();
  }

  @Test
  void oneQueryServesEveryGaugeUntilTheTtlRunsOut() {
    rows = List.of(new Backlog(PaymentStatus.Unknown, 1, clock.instant()));
    for (int scrape = 0; scrape < 3; scrape++) {
      gauge(BacklogMetrics.COUNT, "pending");
      gauge(BacklogMetrics.COUNT, "unknown");
      gauge(BacklogMetrics.OLDEST, "pending");
      gauge(BacklogMetrics.OLDEST, "unknown");
      nanos.addAndGet(Duration.ofMillis(500).toNanos());
    }
    assertThat(reads).hasValue(1);

    rows = List.of(new Backlog(PaymentStatus.Unknown, 5, clock.instant()));
    nanos.addAndGet(BacklogMetrics.TTL.toNanos());
    assertThat(gauge(BacklogMetrics.COUNT, "unknown")).isEqualTo(5);
    assertThat(reads).hasValue(2);
  }

  @Test
  void theAgeGrowsWithTheClockBetweenReads() {
    rows = List.of(new Backlog(PaymentStatus.Unknown, 1, clock.instant()));
    assertThat(gauge(BacklogMetrics.OLDEST, "unknown")).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(gauge(BacklogMetrics.OLDEST, "unknown")).isEqualTo(1);
  }

  @Test
  void aFailedReadShowsNaNAndIsRetriedAfterTheTtl() {
    failure = new DataAccessException("database down", null);
    assertThat(gauge(BacklogMetrics.COUNT, "unknown")).isNaN();
    assertThat(gauge(BacklogMetrics.OLDEST, "unknown")).isNaN();
    assertThat(reads).hasValue(1);

    failure = null;
    rows = List.of(new Backlog(PaymentStatus.Unknown, 2, clock.instant()));
    nanos.addAndGet(BacklogMetrics.TTL.toNanos());
    assertThat(gauge(BacklogMetrics.COUNT, "unknown")).isEqualTo(2);
  }
}
