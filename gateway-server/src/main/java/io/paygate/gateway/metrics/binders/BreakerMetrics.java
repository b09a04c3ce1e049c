package io.paygate.gateway.metrics.binders;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.paygate.gateway.acquirer.AcquirerCaller;
import io.paygate.gateway.acquirer.CircuitBreaker;
import java.util.Collection;
import java.util.Locale;

/**
 * The circuit breaker of each loaded acquirer, in Prometheus's state-set style: one series per
 * (acquirer, state), 1 for the state it is in and 0 for the others, so that
 * {@code paygate_acquirer_breaker_state{state="open"} == 1} finds every open breaker. Read from
 * the breakers at scrape time; nothing is recorded on the payment path.
 */
public final class BreakerMetrics implements MeterBinder {
  static final String NAME = "paygate.acquirer.breaker.state";

  private final AcquirerCaller caller;
  private final Collection<String> acquirers;

  /** @param acquirers the names of the loaded acquirers */
  public BreakerMetrics(AcquirerCaller caller, Collection<String> acquirers) {
    this.caller = caller;
    this.acquirers = acquirers;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String acquirer : acquirers) {
      for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
        Gauge.builder(NAME, caller, c -> c.breakerState(acquirer) == state ? 1 : 0)
            .strongReference(true)
            .description("1 for the state each acquirer's circuit breaker is in, else 0")
            .tag("acquirer", acquirer).tag("state", state.name().toLowerCase(Locale.ROOT))
            .register(registry);
      }
    }
  }
}
