package io.paygate.gateway.http;

import io.paygate.gateway.auth.MerchantOnly;
import io.paygate.gateway.limits.MerchantRateLimit;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.security.Principal;

/**
 * Limits the requests of each merchant ({@link MerchantRateLimit}): runs after the token is
 * checked, so the count is per merchant.
 */
@MerchantOnly
@Priority(Priorities.AUTHORIZATION)
public final class MerchantRateLimitFilter implements ContainerRequestFilter {
  private final MerchantRateLimit limit;

  public MerchantRateLimitFilter(MerchantRateLimit limit) {
    this.limit = limit;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Principal merchant = request.getSecurityContext().getUserPrincipal();
    if (merchant == null) {
      return; // not authenticated: the authentication filter has answered already
    }
    limit.admit(merchant, request.getMethod());
  }
}
