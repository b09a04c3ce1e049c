package io.paygate.gateway.core;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency, held as a whole number of the currency's minor unit (cents for
 * EUR, yen for JPY). Never a float or a double.
 */
public final class Money {
  private final long minor;
  private final Currency currency;

  private Money(long minor, Currency currency) {
    this.minor = minor;
    this.currency = Objects.requireNonNull(currency, "currency == null");
  }

  public static Money ofMinor(long minor, Currency currency) {
    return new Money(minor, currency);
  }

  /**
   * Converts an amount in major units ({@code 42.50}) to minor units.
   *
   * @throws ArithmeticException if the amount has more decimals than the currency allows, or does
   *     not fit a {@code long} of minor units
   */
  public static Money ofMajor(BigDecimal major, Currency currency) {
    int digits = minorDigits(currency);
    BigDecimal scaled = major.movePointRight(digits).stripTrailingZeros();
    // longValueExact throws for a fraction of a minor unit and for overflow alike.
    return new Money(scaled.longValueExact(), currency);
  }

  /** The number of minor-unit digits of {@code currency} (2 for EUR, 0 for JPY, 3 for BHD). */
  public static int minorDigits(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  public long minor() {
    return minor;
  }

  public Currency currency() {
    return currency;
  }

  /** The amount in major units with the currency's scale: {@code 42.50}, {@code 4250}. */
  public BigDecimal toMajor() {
    return BigDecimal.valueOf(minor, minorDigits(currency));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money && ((Money) o).minor == minor && ((Money) o).currency.equals(currency);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(minor) * 31 + currency.hashCode();
  }

  @Override
  public String toString() {
    return toMajor().toPlainString() + " " + currency.getCurrencyCode();
  }
}
