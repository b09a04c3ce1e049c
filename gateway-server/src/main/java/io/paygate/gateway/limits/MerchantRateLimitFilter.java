package io.paygate.gateway.limits;

import io.paygate.gateway.auth.MerchantOnly;
import io.paygate.gateway.errors.RateLimitedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.security.Principal;

/**
 * Limits the requests of each merchant (OWASP API4): runs after the token is checked, so the
 * count is per merchant, whatever address or session the requests come from.
 */
@MerchantOnly
@Priority(Priorities.AUTHORIZATION)
public final class MerchantRateLimitFilter implements ContainerRequestFilter {
  private final RateLimiter limiter;

  public MerchantRateLimitFilter(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Principal merchant = request.getSecurityContext().getUserPrincipal();
    if (merchant == null) {
      return; // not authenticated: the authentication filter has answered already
    }
    long wait = limiter.acquire(merchant.getName());
    if (wait > 0) {
      throw new RateLimitedException("too many requests for this merchant; retry in " + wait
          + " s", wait);
    }
  }
}
