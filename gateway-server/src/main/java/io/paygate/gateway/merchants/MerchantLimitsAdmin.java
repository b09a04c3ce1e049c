package io.paygate.gateway.merchants;

import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.core.MerchantLimits;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.Checked;
import io.paygate.gateway.errors.ValidationException;
import io.paygate.gateway.limits.MerchantRateLimit;
import java.util.UUID;

/**
 * The operator's view of a merchant's request limits: read them, set its own, or give it the
 * defaults back. Every change is audited; this node applies it at once, the others within
 * {@link MerchantRateLimit#LIMITS_FRESH_FOR}.
 */
public final class MerchantLimitsAdmin {
  private final MerchantRepository merchants;
  private final MerchantRateLimit rateLimit;
  private final AuditLog audit;

  public MerchantLimitsAdmin(MerchantRepository merchants, MerchantRateLimit rateLimit,
      AuditLog audit) {
    this.merchants = merchants;
    this.rateLimit = rateLimit;
    this.audit = audit;
  }

  /** The merchant's own limits (null fields: the defaults apply). */
  public MerchantLimits own(UUID id) {
    return merchants.limits(id).orElseThrow(() -> ApiException.notFound("no merchant with this id"));
  }

  /** The limits in force for the merchant, across all nodes. */
  public MerchantLimits inForce(UUID id) {
    return own(id).orDefaults(rateLimit.defaults());
  }

  /** The gateway's defaults. */
  public MerchantLimits defaults() {
    return rateLimit.defaults();
  }

  /**
   * Changes the merchant's own limits, each on its own ({@link LimitsChange}).
   *
   * @param change as read by {@link LimitsChangeReader}; refused only once the merchant exists,
   *     and the refusal audited
   * @throws ApiException 404 when there is no such merchant
   * @throws ValidationException 400 naming each bad field
   */
  public MerchantLimits set(UUID id, Checked<LimitsChange> change) {
    MerchantLimits before = own(id);
    if (!change.isValid()) {
      audit.record("merchant.limits.changed", "failure", id, null, "invalid limits");
    }
    MerchantLimits after = change.orThrow().applyTo(before);
    merchants.setLimits(id, after);
    rateLimit.forget(id);
    audit.record("merchant.limits.changed", "success", id, null,
        describe(before) + " -> " + describe(after));
    return after;
  }

  private static String describe(MerchantLimits l) {
    return "reads " + (l.readsPerSecond() == null ? "default" : l.readsPerSecond() + "/s")
        + ", writes " + (l.writesPerSecond() == null ? "default" : l.writesPerSecond() + "/s");
  }
}
