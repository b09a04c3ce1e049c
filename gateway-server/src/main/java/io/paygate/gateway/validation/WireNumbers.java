package io.paygate.gateway.validation;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers from a parsed JSON body, read without heavy arithmetic: a hostile body may hold
 * {@code 1E+1000000000} or ten thousand digits, so sizes are looked at (precision, scale, length)
 * before any value is computed.
 */
final class WireNumbers {
  /**
   * Numbers written with more significant digits than this are refused before any arithmetic. No
   * field of a payment needs more than about 25.
   */
  static final int MAX_DIGITS = 40;

  private WireNumbers() {}

  /**
   * The exact value of a JSON number: a {@link BigDecimal} as the parser gives it, or a
   * {@link BigInteger}, {@link Long}, {@link Integer}, {@link Short} or {@link Byte} from a Java
   * caller; {@code null} for anything that is not a number.
   *
   * @throws IllegalArgumentException for a {@link Double}, {@link Float} or other binary number:
   *     the parser must give {@code BigDecimal}, since a double has already lost the digits sent
   */
  static BigDecimal decimalOf(Object raw) {
    if (raw instanceof BigDecimal) {
      return (BigDecimal) raw;
    }
    if (raw instanceof BigInteger) {
      return new BigDecimal((BigInteger) raw);
    }
    if (raw instanceof Long || raw instanceof Integer || raw instanceof Short
        || raw instanceof Byte) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof Number) {
      throw new IllegalArgumentException("JSON numbers must be parsed as BigDecimal, not "
          + raw.getClass().getSimpleName());
    }
    return null;
  }

  /** How many digits {@code v} has before the decimal point ({@code <= 0} when |v| < 1). */
  static long integerDigits(BigDecimal v) {
    return (long) v.precision() - v.scale();
  }

  /**
   * The value of a whole number, saturated to {@link Long#MIN_VALUE} or {@link Long#MAX_VALUE}
   * when it is beyond a {@code long} (so that a range check refuses it); {@code null} when
   * {@code v} has a fraction, or is written with more than {@link #MAX_DIGITS} digits.
   */
  static Long wholeValue(BigDecimal v) {
    if (v.signum() == 0) {
      return 0L;
    }
    long integerDigits = integerDigits(v);
    if (integerDigits > 18) {
      return v.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    if (integerDigits <= 0 || v.precision() > MAX_DIGITS) {
      return null;
    }
    BigDecimal stripped = v.stripTrailingZeros();
    return stripped.scale() > 0 ? null : stripped.longValueExact();
  }

  /**
   * The value of a string of ASCII digits with an optional leading {@code -}, saturated as
   * {@link #wholeValue(BigDecimal)}; {@code null} when {@code s} is anything else.
   */
  static Long wholeValue(String s) {
    boolean negative = s.startsWith("-");
    int start = negative ? 1 : 0;
    if (!isDigits(s, start)) {
      return null;
    }
    int length = s.length();
    int significant = start;
    while (significant < length - 1 && s.charAt(significant) == '0') {
      significant++;
    }
    if (length - significant > 18) {
      return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    long value = Long.parseLong(s, significant, length, 10);
    return negative ? -value : value;
  }

  /** Whether {@code s} is one or more ASCII digits and nothing else. */
  static boolean isDigits(String s) {
    return isDigits(s, 0);
  }

  private static boolean isDigits(String s, int from) {
    int length = s.length();
    if (length == from) {
      return false;
    }
    for (int i = from; i < length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
