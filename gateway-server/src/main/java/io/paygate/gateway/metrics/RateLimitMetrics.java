package io.paygate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Requests refused with 429, by the limit that refused them. */
public final class RateLimitMetrics {
  static final String NAME = "paygate.rate.limit.rejections";

  private final Counter merchant;
  private final Counter login;

  public RateLimitMetrics(MeterRegistry registry) {
    this.merchant = counter(registry, "merchant");
    this.login = counter(registry, "login");
  }

  private static Counter counter(MeterRegistry registry, String limit) {
    return Counter.builder(NAME).description("requests refused by a rate limit (429)")
        .tag("limit", limit).register(registry);
  }

  /** A merchant's request budget was spent. */
  public void merchantRefused() {
    merchant.increment();
  }

  /** Login attempts per login name or per address were spent. */
  public void loginRefused() {
    login.increment();
  }
}
