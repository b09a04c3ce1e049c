package io.paygate.sdk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money in one currency: a count of the currency's minor units (cents for EUR,
 * yen for JPY) and an ISO 4217 {@link Currency}. There is no way to build one from a {@code double}:
 * {@code 0.1 + 0.2} is not a price.
 *
 * <pre>{@code
 * Money price = Money.of("42.50", "EUR");       // 4250 cents
 * Money fee   = Money.ofMinor(99, Currency.getInstance("USD"));
 * Money.of("10.5", "JPY");                      // IllegalArgumentException: JPY has no decimals
 * }</pre>
 *
 * <p>An amount with more decimals than its currency allows is refused rather than rounded, so
 * that the amount charged is always the amount written.
 */
public final class Money {
  private final long minorUnits;
  private final Currency currency;

  private Money(long minorUnits, Currency currency) {
    this.minorUnits = minorUnits;
    this.currency = currency;
  }

  /** Returns {@code minorUnits} of {@code currency}'s minor unit: {@code ofMinor(4250, EUR)} is 42.50 EUR. */
  public static Money ofMinor(long minorUnits, Currency currency) {
    Objects.requireNonNull(currency, "currency == null");
    digitsOf(currency);
    return new Money(minorUnits, currency);
  }

  /**
   * Returns {@code amount} in the major unit of {@code currency} ({@code 42.50} EUR).
   *
   * @throws IllegalArgumentException if {@code amount} has more decimals than the currency has.
   */
  public static Money of(BigDecimal amount, Currency currency) {
    Objects.requireNonNull(amount, "amount == null");
    Objects.requireNonNull(currency, "currency == null");
    int digits = digitsOf(currency);
    BigDecimal minor = amount.movePointRight(digits);
    BigInteger exact;
    try {
      exact = minor.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more decimals than "
          + currency.getCurrencyCode() + " allows (" + digits + ")");
    }
    if (exact.bitLength() > 63) {
      throw new IllegalArgumentException("amount " + amount.toPlainString() + " is too large");
    }
    return new Money(exact.longValue(), currency);
  }

  /**
   * Returns {@code amount}, a decimal string in the major unit such as {@code "42.50"}, of the
   * currency whose ISO 4217 code is {@code currencyCode} (any case).
   */
  public static Money of(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount == null");
    Objects.requireNonNull(currencyCode, "currencyCode == null");
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount is not a decimal number: " + amount);
    }
    return of(decimal, currency(currencyCode));
  }

  private static Currency currency(String code) {
    try {
      return Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an ISO 4217 currency code: " + code);
    }
  }

  private static int digitsOf(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      // XAU, XDR and friends have no minor unit; nobody pays for a card purchase in them.
      throw new IllegalArgumentException(currency.getCurrencyCode() + " has no minor unit");
    }
    return digits;
  }

  /** The amount in minor units: 4250 for 42.50 EUR, 42 for 42 JPY. */
  public long minorUnits() {
    return minorUnits;
  }

  /** The amount in the major unit, with exactly as many decimals as the currency has: {@code 42.50}. */
  public BigDecimal amount() {
    return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
  }

  public Currency currency() {
    return currency;
  }

  /** True if this amount is greater than zero. */
  public boolean isPositive() {
    return minorUnits > 0;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Money
        && ((Money) o).minorUnits == minorUnits
        && ((Money) o).currency.equals(currency);
  }

  @Override public int hashCode() {
    return Long.hashCode(minorUnits) * 31 + currency.hashCode();
  }

  /** Returns the amount and the currency code, as in {@code "42.50 EUR"}. */
  @Override public String toString() {
    return amount().toPlainString() + " " + currency.getCurrencyCode();
  }
}
