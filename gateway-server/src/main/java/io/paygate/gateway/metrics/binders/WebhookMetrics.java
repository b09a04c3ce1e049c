package io.paygate.gateway.metrics.binders;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.paygate.gateway.db.WebhookDeliveryRepository;
import io.paygate.gateway.db.WebhookDeliveryRepository.DeliveryBacklog;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How far webhook deliveries trail the events: the outbox's pending deliveries, how long the
 * longest-waiting due one has waited (the delivery lag), and whether the dispatcher is holding
 * deliveries back because payments are busy ({@code webhooks.busy.*}). Under peak load the first
 * two grow by design and fall back once the load does. The outbox is read at scrape time, at most
 * once per {@link #TTL}.
 */
public final class WebhookMetrics implements MeterBinder {
  static final String PENDING = "paygate.webhooks.pending";
  static final String LAG = "paygate.webhooks.lag";
  static final String THROTTLED = "paygate.webhooks.throttled";
  static final Duration TTL = Duration.ofSeconds(1);

  private final Cached<DeliveryBacklog> backlog;
  private final BooleanSupplier throttled;
  private final Clock clock;

  public WebhookMetrics(WebhookDeliveryRepository deliveries, BooleanSupplier throttled,
      Clock clock) {
    this(deliveries::backlog, throttled, clock, System::nanoTime);
  }

  WebhookMetrics(Supplier<DeliveryBacklog> read, BooleanSupplier throttled, Clock clock,
      LongSupplier nanoTime) {
    this.backlog = new Cached<>(read, TTL, nanoTime);
    this.throttled = throttled;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(PENDING, this, WebhookMetrics::pending).strongReference(true)
        .description("webhook deliveries not yet delivered nor given up (to disabled endpoints too)")
        .register(registry);
    Gauge.builder(LAG, this, WebhookMetrics::lagSeconds).strongReference(true)
        .description("how long the longest-waiting due webhook delivery has waited (0 when none)")
        .baseUnit("seconds").register(registry);
    Gauge.builder(THROTTLED, this, m -> m.throttled.getAsBoolean() ? 1 : 0).strongReference(true)
        .description("1 while deliveries are held to webhooks.busy.rate because payments are busy")
        .register(registry);
  }

  double pending() {
    DeliveryBacklog b = backlog.get();
    return b == null ? Double.NaN : b.pending();
  }

  double lagSeconds() {
    DeliveryBacklog b = backlog.get();
    if (b == null) {
      return Double.NaN;
    }
    if (b.oldestDue() == null) {
      return 0;
    }
    return Math.max(0, Duration.between(b.oldestDue(), clock.instant()).toMillis() / 1000.0);
  }
}
