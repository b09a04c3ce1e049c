package io.paygate.gateway.limits;

import io.paygate.gateway.errors.RateLimitedException;
import io.paygate.gateway.metrics.RateLimitMetrics;
import java.security.Principal;

/**
 * The request budget of each merchant (OWASP API4), counted per merchant whatever address or
 * session its requests come from. One instance serves every endpoint, Jersey's and the plain
 * Jetty payment endpoint's alike, so a merchant's budget is shared by all of them.
 */
public final class MerchantRateLimit {
  private final RateLimiter limiter;
  private final RateLimitMetrics metrics;

  public MerchantRateLimit(RateLimiter limiter, RateLimitMetrics metrics) {
    this.limiter = limiter;
    this.metrics = metrics;
  }

  /**
   * Spends one request of {@code merchant}'s budget.
   *
   * @throws RateLimitedException 429, with the seconds until a retry can succeed
   */
  public void admit(Principal merchant) {
    long wait = limiter.acquire(merchant.getName());
    if (wait > 0) {
      metrics.merchantRefused();
      throw new RateLimitedException("too many requests for this merchant; retry in " + wait
          + " s", wait);
    }
  }
}
