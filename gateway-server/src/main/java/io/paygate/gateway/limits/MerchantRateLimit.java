package io.paygate.gateway.limits;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.paygate.gateway.core.MerchantLimits;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.errors.RateLimitedException;
import io.paygate.gateway.metrics.RateLimitMetrics;
import java.security.Principal;
import java.time.Duration;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * The request budgets of each merchant (OWASP API4), counted per merchant whatever address or
 * session its requests come from: one for reads ({@code GET}, {@code HEAD}) and one for writes
 * (everything else, payments included), each its own limit a second (the merchant's, set by the
 * operator, or the default) with a burst of one second's worth. One instance serves every
 * endpoint, Jersey's and the plain Jetty payment endpoint's alike.
 *
 * <p>Several nodes: each enforces {@code ceil(limit / live nodes)}, so that behind a load balancer
 * that spreads requests evenly the merchant gets its limit in all (docs/rate-limits.md gives the
 * error bound). A merchant's limits are read from the database at most every
 * {@link #LIMITS_FRESH_FOR} per node, never per request.
 */
public final class MerchantRateLimit {
  /** How long a node keeps a merchant's limits before it reads them again. */
  public static final Duration LIMITS_FRESH_FOR = Duration.ofSeconds(5);

  private final RateLimiter limiter;
  private final RateLimitMetrics metrics;
  private final MerchantLimits defaults;
  private final IntSupplier liveNodes;
  private final LoadingCache<UUID, MerchantLimits> limits;

  /**
   * @param defaults the limits of a merchant without its own (both set)
   * @param liveNodes how many nodes share each limit now
   */
  public MerchantRateLimit(RateLimiter limiter, RateLimitMetrics metrics,
      MerchantRepository merchants, MerchantLimits defaults, IntSupplier liveNodes) {
    this.limiter = limiter;
    this.metrics = metrics;
    this.defaults = defaults;
    this.liveNodes = liveNodes;
    this.limits = Caffeine.newBuilder()
        .expireAfterWrite(LIMITS_FRESH_FOR)
        .maximumSize(100_000)
        .build(id -> merchants.limits(id).orElse(MerchantLimits.unset()).orDefaults(defaults));
  }

  /** The limits in force for {@code merchantId}, across all nodes. */
  public MerchantLimits limitsOf(UUID merchantId) {
    return limits.get(merchantId);
  }

  /** The limits of a merchant without its own. */
  public MerchantLimits defaults() {
    return defaults;
  }

  /** Forgets what this node holds of a merchant's limits, after the operator changed them. */
  public void forget(UUID merchantId) {
    limits.invalidate(merchantId);
  }

  /**
   * Spends one request of {@code merchant}'s read or write budget.
   *
   * @param method the request's HTTP method: {@code GET} and {@code HEAD} are reads
   * @throws RateLimitedException 429, with the seconds until a retry can succeed and this node's
   *     share of the limit
   */
  public void admit(Principal merchant, String method) {
    boolean read = "GET".equals(method) || "HEAD".equals(method);
    MerchantLimits l = limits.get(UUID.fromString(merchant.getName()));
    int limit = read ? l.readsPerSecond() : l.writesPerSecond();
    if (limit == 0) {
      return;
    }
    int nodes = Math.max(1, liveNodes.getAsInt());
    long share = (limit + nodes - 1) / nodes;
    long wait = limiter.acquire(merchant.getName() + (read ? ":read" : ":write"), share);
    if (wait > 0) {
      metrics.merchantRefused();
      throw new RateLimitedException("too many " + (read ? "reads" : "writes")
          + " for this merchant (" + limit + " a second); retry in " + wait + " s", wait, share);
    }
  }
}
