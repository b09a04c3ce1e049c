package io.paygate.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paygate.gateway.core.PaymentStatus;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PaymentMetricsTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency JPY = Currency.getInstance("JPY");
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final PaymentMetrics metrics = new PaymentMetrics(registry);

  @Test
  void eachOutcomeAcquirerAndCurrencyHasItsOwnCountAndTimer() {
    metrics.paid(PaymentStatus.Authorised, "PiggyBank", EUR, 5_000_000);
    metrics.paid(PaymentStatus.Authorised, "PiggyBank", EUR, 7_000_000);
    metrics.paid(PaymentStatus.Declined, "PiggyBank", JPY, 3_000_000);

    assertThat(registry.get(PaymentMetrics.PAYMENTS).tag("outcome", "authorised")
        .tag("acquirer", "PiggyBank").tag("currency", "EUR").counter().count()).isEqualTo(2);
    assertThat(registry.get(PaymentMetrics.PAYMENTS).tag("outcome", "declined")
        .tag("currency", "JPY").counter().count()).isEqualTo(1);
    Timer t = registry.get(PaymentMetrics.DURATION).tag("outcome", "authorised").timer();
    assertThat(t.count()).isEqualTo(2);
    assertThat(t.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(12);
    assertThat(registry.get(PaymentMetrics.PAYMENTS).counters()).hasSize(2);
  }

  @Test
  void theMetersAreMadeOnceAndReused() {
    metrics.paid(PaymentStatus.Failed, "A", EUR, 1);
    metrics.bankTime("A", "NOT_PROCESSED", 1);
    int meters = registry.getMeters().size();
    for (int i = 1; i < 100; i++) {
      metrics.paid(PaymentStatus.Failed, "A", EUR, 1);
      metrics.bankTime("A", "NOT_PROCESSED", 1);
    }
    assertThat(registry.getMeters()).hasSize(meters);
    assertThat(registry.find(PaymentMetrics.PAYMENTS).counters()).hasSize(1);
    assertThat(registry.find(PaymentMetrics.DURATION).timers()).hasSize(1);
    assertThat(registry.find(PaymentMetrics.BANK_TIME).timers()).hasSize(1);
    assertThat(registry.get(PaymentMetrics.BANK_TIME).tag("answer", "not_processed").timer()
        .count()).isEqualTo(100);
  }

  @Test
  void inFlightFollowsTheSupplier() {
    int[] n = {3};
    metrics.inFlight(() -> n[0]);
    assertThat(registry.get(PaymentMetrics.IN_FLIGHT).gauge().value()).isEqualTo(3);
    n[0] = 0;
    assertThat(registry.get(PaymentMetrics.IN_FLIGHT).gauge().value()).isZero();
  }
}
