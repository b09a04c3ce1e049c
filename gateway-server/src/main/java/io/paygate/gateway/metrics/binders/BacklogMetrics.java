package io.paygate.gateway.metrics.binders;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.db.Backlog;
import io.paygate.gateway.db.PaymentRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The payments whose outcome is not final, the original design's "pending messages": how many are
 * {@code Pending} and {@code Unknown}, and how old the oldest of each is. Read with one indexed
 * query at scrape time, at most once per {@link #TTL} however many gauges and scrapes ask; never
 * on the payment path. A growing {@code Unknown} backlog or an old one means reconciliation cannot
 * reach a bank.
 */
public final class BacklogMetrics implements MeterBinder {
  static final String COUNT = "paygate.payments.backlog";
  static final String OLDEST = "paygate.payments.backlog.oldest.age";
  static final Duration TTL = Duration.ofSeconds(2);

  private final Cached<List<Backlog>> backlog;
  private final Clock clock;

  public BacklogMetrics(PaymentRepository payments, Clock clock) {
    this(payments::backlog, clock, System::nanoTime);
  }

  BacklogMetrics(Supplier<List<Backlog>> read, Clock clock, LongSupplier nanoTime) {
    this.backlog = new Cached<>(read, TTL, nanoTime);
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (PaymentStatus status : List.of(PaymentStatus.Pending, PaymentStatus.Unknown)) {
      String tag = status.name().toLowerCase(Locale.ROOT);
      Gauge.builder(COUNT, this, b -> b.count(status)).strongReference(true)
          .description("payments whose outcome is not final, by status")
          .tag("status", tag).register(registry);
      Gauge.builder(OLDEST, this, b -> b.oldestAgeSeconds(status)).strongReference(true)
          .description("age of the oldest payment of the status (0 when there is none)")
          .baseUnit("seconds").tag("status", tag).register(registry);
    }
  }

  double count(PaymentStatus status) {
    List<Backlog> rows = backlog.get();
    if (rows == null) {
      return Double.NaN;
    }
    return rows.stream().filter(r -> r.status() == status).mapToLong(Backlog::count).sum();
  }

  double oldestAgeSeconds(PaymentStatus status) {
    List<Backlog> rows = backlog.get();
    if (rows == null) {
      return Double.NaN;
    }
    return rows.stream().filter(r -> r.status() == status && r.oldest() != null)
        .mapToDouble(r -> Math.max(0,
            Duration.between(r.oldest(), clock.instant()).toMillis() / 1000.0))
        .max().orElse(0);
  }
}
