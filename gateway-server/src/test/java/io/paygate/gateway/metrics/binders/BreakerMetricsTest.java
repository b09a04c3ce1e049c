package io.paygate.gateway.metrics.binders;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.gateway.acquirer.AcquirerCaller;
import io.paygate.gateway.config.AcquirerCallSettings;
import io.paygate.gateway.support.MutableClock;
import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.Card;
import io.paygate.acquirer.spi.StatusRequest;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.gateway.acquirer.LoadedAcquirer;
import java.util.Currency;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BreakerMetricsTest {
  final MutableClock clock = MutableClock.ofNow();
  final AcquirerCaller caller = new AcquirerCaller(
      new AcquirerCallSettings(Duration.ofSeconds(5), 4, 2, Duration.ofSeconds(30)), clock);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    caller.close();
  }

  /** A bank that is down: every authorisation is not processed. */
  static final LoadedAcquirer DOWN = new LoadedAcquirer("Bank", "1", "1.0", "test", "a bank that is down", false,
      new Acquirer() {
    @Override
    public AuthorisationResult authorise(AuthorisationRequest request) {
      return AuthorisationResult.notProcessed("down");
    }

    @Override
    public StatusResult status(StatusRequest request) {
      return StatusResult.unknown("down");
    }
  });

  AuthorisationRequest request() {
    return AuthorisationRequest.builder().paymentReference("ref").merchantId("m")
        .merchantName("Shop").card(new Card("4111111111111111", "123", 12, 2031, "A B"))
        .amount(100, Currency.getInstance("EUR")).deadline(caller.deadline()).build();
  }

  double state(String acquirer, String state) {
    return registry.get(BreakerMetrics.NAME).tag("acquirer", acquirer).tag("state", state)
        .gauge().value();
  }

  @Test
  void oneSeriesPerStateTheCurrentOneIsOne() {
    new BreakerMetrics(caller, List.of("Bank", "Other")).bindTo(registry);
    assertThat(state("Bank", "closed")).isEqualTo(1);
    assertThat(state("Bank", "open")).isZero();
    assertThat(state("Bank", "half_open")).isZero();

    for (int i = 0; i < 2; i++) {
      caller.authorise(DOWN, request());
    }
    assertThat(state("Bank", "open")).isEqualTo(1);
    assertThat(state("Bank", "closed")).isZero();
    assertThat(state("Other", "closed")).as("another acquirer's breaker").isEqualTo(1);

    clock.advance(Duration.ofSeconds(30));
    caller.authorise(DOWN, request()); // the probe, which fails again
    assertThat(state("Bank", "open")).isEqualTo(1);
  }
}
