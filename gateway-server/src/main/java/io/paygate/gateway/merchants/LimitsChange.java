package io.paygate.gateway.merchants;

import io.paygate.gateway.core.MerchantLimits;
import java.util.Objects;

/**
 * A change of a merchant's own request limits, as read by {@link LimitsChangeReader}: what
 * {@link MerchantLimitsAdmin#set} takes instead of a JSON body. Each limit is changed on its own.
 *
 * @param reads what becomes of the read limit
 * @param writes what becomes of the write limit
 */
public record LimitsChange(Limit reads, Limit writes) {
  public LimitsChange {
    Objects.requireNonNull(reads, "reads == null");
    Objects.requireNonNull(writes, "writes == null");
  }

  /** The limits after this change. */
  public MerchantLimits applyTo(MerchantLimits before) {
    return new MerchantLimits(reads.applyTo(before.readsPerSecond()),
        writes.applyTo(before.writesPerSecond()));
  }

  /**
   * What a change does to one limit. Three cases a request tells apart and a nullable number
   * would not: a field left out, a field set to null, a field set to a number.
   */
  public sealed interface Limit {
    /** Left out of the request: the limit keeps its value. */
    Limit KEEP = new Keep();
    /** {@code null} in the request: the gateway's default applies again. */
    Limit DEFAULT = new UseDefault();

    /** A number in the request: the merchant's own limit, 0 for none. */
    static Limit perSecond(int perSecond) {
      return new PerSecond(perSecond);
    }

    /** The merchant's own limit after the change; null: the default applies. */
    Integer applyTo(Integer current);

    record Keep() implements Limit {
      @Override
      public Integer applyTo(Integer current) {
        return current;
      }
    }

    record UseDefault() implements Limit {
      @Override
      public Integer applyTo(Integer current) {
        return null;
      }
    }

    /** @param value 0 (no limit) to {@value MerchantLimits#MAX} */
    record PerSecond(int value) implements Limit {
      public PerSecond {
        if (value < 0 || value > MerchantLimits.MAX) {
          throw new IllegalArgumentException("a limit is 0 to " + MerchantLimits.MAX + ", not "
              + value);
        }
      }

      @Override
      public Integer applyTo(Integer current) {
        return value;
      }
    }
  }
}
