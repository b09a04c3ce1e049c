package io.paygate.gateway.validation;

import static io.paygate.gateway.validation.PaymentFields.AMOUNT;
import static io.paygate.gateway.validation.PaymentFields.CURRENCY;

import io.paygate.gateway.core.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads {@code currency} and {@code amount}; the currency decides how many decimals are valid. */
final class MoneyFields {
  /** A plain decimal: no exponent, no {@code +}, no thousands separator, no white space. */
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  /** Longest amount string read: the digits allowed, a sign and a point. */
  private static final int MAX_AMOUNT_TEXT = WireNumbers.MAX_DIGITS + 2;
  /** No currency has a maximum of 20 digits or more before the point: {@code long} minor units. */
  private static final int MAX_INTEGER_DIGITS = 19;

  static final String REQUIRED = CardFields.REQUIRED;
  static final String CURRENCY_NOT_STRING = "must be a string such as \"EUR\"";
  static final String CURRENCY_FORMAT = "must be a three-letter ISO 4217 code such as EUR";
  static final String AMOUNT_TYPE = "must be a number, or a string such as \"42.50\"";
  static final String AMOUNT_FORMAT =
      "must be a plain decimal such as \"42.50\": no exponent, sign or thousands separator";
  static final String AMOUNT_NOT_POSITIVE = "must be greater than zero";
  static final String AMOUNT_TOO_MANY_DIGITS =
      "has too many digits (at most " + WireNumbers.MAX_DIGITS + ")";
  static final String AMOUNT_TOO_LARGE = "is too large";

  private final long maxMinor;

  MoneyFields(long maxMinor) {
    this.maxMinor = maxMinor;
  }

  /**
   * The currency, from an ISO 4217 alphabetic code in any case; refused ({@code null}): unknown
   * codes and codes without a minor unit ({@code XXX}, {@code XAU}: fraction digits -1).
   */
  static Currency currency(Object raw, FieldErrors errors) {
    if (raw == null || "".equals(raw)) {
      return errors.add(CURRENCY, REQUIRED);
    }
    if (!(raw instanceof String)) {
      return errors.add(CURRENCY, CURRENCY_NOT_STRING);
    }
    String text = (String) raw;
    if (text.length() != 3 || !isAsciiLetters(text)) {
      return errors.add(CURRENCY, CURRENCY_FORMAT);
    }
    String code = text.toUpperCase(Locale.ROOT);
    Currency currency;
    try {
      currency = Currency.getInstance(code);
    } catch (IllegalArgumentException unknown) {
      return errors.add(CURRENCY, code + " is not an ISO 4217 currency code");
    }
    if (currency.getDefaultFractionDigits() < 0) {
      return errors.add(CURRENCY, code + " is not a currency that can be paid in (no minor unit)");
    }
    return currency;
  }

  /**
   * The amount, a decimal in the currency's major unit (a JSON number, or a string holding a plain
   * decimal). Refused ({@code null}): zero or less, more significant digits than
   * {@link WireNumbers#MAX_DIGITS}, more decimals than the currency has, more than the maximum.
   * When {@code currency} is {@code null} (it was refused itself) only what does not depend on it
   * is checked.
   */
  Money amount(Object raw, Currency currency, FieldErrors errors) {
    BigDecimal value = decimal(raw, errors);
    if (value == null) {
      return null;
    }
    if (value.signum() <= 0) {
      return errors.add(AMOUNT, AMOUNT_NOT_POSITIVE);
    }
    // Sizes first, from precision and scale alone: 1E+1000000000 is refused without computing it.
    if (WireNumbers.integerDigits(value) > MAX_INTEGER_DIGITS) {
      return errors.add(AMOUNT, currency == null ? AMOUNT_TOO_LARGE : notAbove(currency));
    }
    if (value.precision() > WireNumbers.MAX_DIGITS) {
      return errors.add(AMOUNT, AMOUNT_TOO_MANY_DIGITS);
    }
    if (currency == null) {
      return null;
    }
    int decimals = Money.minorDigits(currency);
    if (value.scale() > decimals && value.stripTrailingZeros().scale() > decimals) {
      return errors.add(AMOUNT, tooManyDecimals(currency, decimals));
    }
    Money money;
    try {
      money = Money.ofMajor(value, currency);
    } catch (ArithmeticException overflow) {
      return errors.add(AMOUNT, notAbove(currency));
    }
    return money.minor() > maxMinor ? errors.add(AMOUNT, notAbove(currency)) : money;
  }

  private static BigDecimal decimal(Object raw, FieldErrors errors) {
    if (raw == null || "".equals(raw)) {
      return errors.add(AMOUNT, REQUIRED);
    }
    if (raw instanceof String) {
      String text = (String) raw;
      // The pattern runs in linear time; the parse only on a bounded length.
      if (!PLAIN_DECIMAL.matcher(text).matches()) {
        return errors.add(AMOUNT, AMOUNT_FORMAT);
      }
      if (text.length() > MAX_AMOUNT_TEXT) {
        return errors.add(AMOUNT, AMOUNT_TOO_MANY_DIGITS);
      }
      return new BigDecimal(text);
    }
    BigDecimal number = WireNumbers.decimalOf(raw);
    return number != null ? number : errors.add(AMOUNT, AMOUNT_TYPE);
  }

  private static String tooManyDecimals(Currency currency, int decimals) {
    String code = currency.getCurrencyCode();
    return decimals == 0
        ? "must be a whole number: " + code + " has no decimals"
        : "must have at most " + decimals + (decimals == 1 ? " decimal" : " decimals")
            + " for " + code;
  }

  private String notAbove(Currency currency) {
    return "must not be more than " + Money.ofMinor(maxMinor, currency);
  }

  private static boolean isAsciiLetters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 'A' || c > 'Z') && (c < 'a' || c > 'z')) {
        return false;
      }
    }
    return true;
  }
}
