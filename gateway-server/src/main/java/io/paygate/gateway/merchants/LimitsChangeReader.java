package io.paygate.gateway.merchants;

import io.paygate.gateway.core.MerchantLimits;
import io.paygate.gateway.errors.Checked;
import io.paygate.gateway.errors.FieldError;
import io.paygate.gateway.merchants.LimitsChange.Limit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code PUT /admin/merchants/{id}/limits} body, {@code {"readsPerSecond": n,
 * "writesPerSecond": n}}, into a {@link LimitsChange}: a whole number from 0 (no limit) to
 * {@value MerchantLimits#MAX}, null for the default, a field left out kept. The errors name fields
 * that are no limit first (as sent, in lower case), then each limit. The answer is not thrown: the
 * service answers 404 for an unknown merchant first, and audits a refused change.
 */
public final class LimitsChangeReader {
  static final String READS = "readsPerSecond";
  static final String WRITES = "writesPerSecond";
  // Request keys are matched case-insensitively (JsonBodyParser hands them over in lower case).
  private static final String READS_KEY = READS.toLowerCase(Locale.ROOT);
  private static final String WRITES_KEY = WRITES.toLowerCase(Locale.ROOT);

  private LimitsChangeReader() {}

  /** @param body the request body, keys in lower case */
  public static Checked<LimitsChange> read(Map<String, Object> body) {
    List<FieldError> errors = new ArrayList<>();
    for (String field : body.keySet()) {
      if (!field.equalsIgnoreCase(READS) && !field.equalsIgnoreCase(WRITES)) {
        errors.add(new FieldError(field, "is not a limit; use " + READS + " or " + WRITES));
      }
    }
    Limit reads = limit(body, READS_KEY, READS, errors);
    Limit writes = limit(body, WRITES_KEY, WRITES, errors);
    return errors.isEmpty() ? Checked.valid(new LimitsChange(reads, writes))
        : Checked.refused(errors);
  }

  private static Limit limit(Map<String, Object> body, String key, String name,
      List<FieldError> errors) {
    if (!body.containsKey(key)) {
      return Limit.KEEP;
    }
    Object raw = body.get(key);
    if (raw == null) {
      return Limit.DEFAULT;
    }
    if (raw instanceof BigDecimal n && n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0
        && n.compareTo(BigDecimal.valueOf(MerchantLimits.MAX)) <= 0) {
      return Limit.perSecond(n.intValueExact());
    }
    errors.add(new FieldError(name, "must be a whole number from 0 (no limit) to "
        + MerchantLimits.MAX + ", or null for the default"));
    return null;
  }
}
