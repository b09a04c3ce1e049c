package io.paygate.gateway.core;

/**
 * A merchant's request limits per second, across all nodes: reads ({@code GET}) and writes
 * (everything else, payments included) have budgets of their own, as Stripe's do. 0 means no
 * limit.
 *
 * @param readsPerSecond the merchant's own read limit, or null for the gateway's default
 * @param writesPerSecond the merchant's own write limit, or null for the gateway's default
 */
public record MerchantLimits(Integer readsPerSecond, Integer writesPerSecond) {
  /** The largest limit accepted (a sanity bound, far above what one PostgreSQL takes). */
  public static final int MAX = 1_000_000;

  /** No limit of its own: the defaults apply. */
  public static MerchantLimits unset() {
    return new MerchantLimits(null, null);
  }

  /** These limits with the defaults' values where none is set. */
  public MerchantLimits orDefaults(MerchantLimits defaults) {
    return new MerchantLimits(readsPerSecond != null ? readsPerSecond : defaults.readsPerSecond(),
        writesPerSecond != null ? writesPerSecond : defaults.writesPerSecond());
  }
}
