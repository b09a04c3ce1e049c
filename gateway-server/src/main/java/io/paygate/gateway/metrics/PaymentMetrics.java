package io.paygate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paygate.gateway.core.PaymentStatus;
import java.time.Duration;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the payment path records: each new payment's outcome and time by outcome, acquirer and
 * currency, and each bank call's time by acquirer and answer. The meters are looked up once per
 * (outcome, acquirer, currency) and kept in nested maps keyed by the values themselves, so that a
 * payment costs two map look-ups and no tag building or allocation.
 *
 * <p>Tags stay bounded: four outcomes, the loaded acquirers, ISO 4217 currencies. Never a merchant
 * or anything of the card.
 */
public final class PaymentMetrics {
  static final String PAYMENTS = "paygate.payments";
  static final String DURATION = "paygate.payment.duration";
  static final String BANK_TIME = "paygate.acquirer.duration";
  static final String IN_FLIGHT = "paygate.payments.in.flight";

  private final MeterRegistry registry;
  private final Map<PaymentStatus, Map<String, Map<Currency, Meters>>> byOutcome =
      new EnumMap<>(PaymentStatus.class);
  private final Map<String, Map<String, Timer>> bankTimes = new ConcurrentHashMap<>();

  private record Meters(Counter count, Timer duration) {}

  public PaymentMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (PaymentStatus s : PaymentStatus.values()) {
      byOutcome.put(s, new ConcurrentHashMap<>());
    }
  }

  /** Publishes how many payments are at a bank right now. */
  public void inFlight(Supplier<Number> count) {
    Gauge.builder(IN_FLIGHT, count).strongReference(true)
        .description("payments being processed (stored Pending, bank not answered yet)")
        .register(registry);
  }

  /** A new payment reached its outcome after {@code nanos} (from receipt to outcome stored). */
  public void paid(PaymentStatus outcome, String acquirer, Currency currency, long nanos) {
    Meters m = byOutcome.get(outcome).computeIfAbsent(acquirer, a -> new ConcurrentHashMap<>())
        .computeIfAbsent(currency, c -> meters(outcome, acquirer, c));
    m.count().increment();
    m.duration().record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A bank answered (or was waited for) in {@code nanos}; {@code answer} as the SPI named it. */
  public void bankTime(String acquirer, String answer, long nanos) {
    bankTimes.computeIfAbsent(acquirer, a -> new ConcurrentHashMap<>())
        .computeIfAbsent(answer, o -> Timer.builder(BANK_TIME)
            .description("time at the bank per authorisation call")
            .tag("acquirer", acquirer).tag("answer", o.toLowerCase(Locale.ROOT))
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
            .serviceLevelObjectives(Slo.LATENCY)
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private Meters meters(PaymentStatus outcome, String acquirer, Currency currency) {
    String o = outcome.name().toLowerCase(Locale.ROOT);
    String c = currency.getCurrencyCode();
    return new Meters(
        Counter.builder(PAYMENTS).description("payments processed, by outcome")
            .tag("outcome", o).tag("acquirer", acquirer).tag("currency", c).register(registry),
        Timer.builder(DURATION).description("time from a payment's receipt to its stored outcome")
            .tag("outcome", o).tag("acquirer", acquirer).tag("currency", c)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
            .serviceLevelObjectives(Slo.LATENCY)
            .register(registry));
  }
}
