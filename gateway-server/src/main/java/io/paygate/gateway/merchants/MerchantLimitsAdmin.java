package io.paygate.gateway.merchants;

import io.paygate.gateway.errors.FieldError;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.core.MerchantLimits;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import io.paygate.gateway.limits.MerchantRateLimit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The operator's view of a merchant's request limits: read them, set its own, or give it the
 * defaults back. Every change is audited; this node applies it at once, the others within
 * {@link MerchantRateLimit#LIMITS_FRESH_FOR}.
 */
public final class MerchantLimitsAdmin {
  static final String READS = "readsPerSecond";
  static final String WRITES = "writesPerSecond";
  // Request keys are matched case-insensitively (JsonBodyParser hands them over in lower case).
  private static final String READS_KEY = READS.toLowerCase(Locale.ROOT);
  private static final String WRITES_KEY = WRITES.toLowerCase(Locale.ROOT);

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
   * Sets the merchant's limits from {@code {"readsPerSecond": n, "writesPerSecond": n}}: a whole
   * number from 0 (no limit) to {@value MerchantLimits#MAX}, or null for the default. A field left
   * out keeps its value.
   *
   * @throws ValidationException 400 naming each bad field
   */
  public MerchantLimits set(UUID id, Map<String, Object> body) {
    MerchantLimits before = own(id);
    List<FieldError> errors = new ArrayList<>();
    for (String field : body.keySet()) {
      if (!field.equalsIgnoreCase(READS) && !field.equalsIgnoreCase(WRITES)) {
        errors.add(new FieldError(field, "is not a limit; use " + READS + " or " + WRITES));
      }
    }
    Integer reads = field(body, READS_KEY, READS, before.readsPerSecond(), errors);
    Integer writes = field(body, WRITES_KEY, WRITES, before.writesPerSecond(), errors);
    if (!errors.isEmpty()) {
      audit.record("merchant.limits.changed", "failure", id, null, "invalid limits");
      throw new ValidationException(errors);
    }
    MerchantLimits after = new MerchantLimits(reads, writes);
    merchants.setLimits(id, after);
    rateLimit.forget(id);
    audit.record("merchant.limits.changed", "success", id, null,
        describe(before) + " -> " + describe(after));
    return after;
  }

  private static Integer field(Map<String, Object> body, String key, String name, Integer current,
      List<FieldError> errors) {
    if (!body.containsKey(key)) {
      return current;
    }
    Object raw = body.get(key);
    if (raw == null) {
      return null;
    }
    if (raw instanceof BigDecimal n && n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0
        && n.compareTo(BigDecimal.valueOf(MerchantLimits.MAX)) <= 0) {
      return n.intValueExact();
    }
    errors.add(new FieldError(name, "must be a whole number from 0 (no limit) to "
        + MerchantLimits.MAX + ", or null for the default"));
    return current;
  }

  private static String describe(MerchantLimits l) {
    return "reads " + (l.readsPerSecond() == null ? "default" : l.readsPerSecond() + "/s")
        + ", writes " + (l.writesPerSecond() == null ? "default" : l.writesPerSecond() + "/s");
  }
}
