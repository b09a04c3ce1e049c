package io.paygate.gateway.validation;

import static io.paygate.gateway.validation.PaymentFields.EXPIRY_MONTH;
import static io.paygate.gateway.validation.PaymentFields.EXPIRY_YEAR;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Reads {@code expirymonth} and {@code expiryyear}, and checks the card has not expired. A card is
 * valid through the last day of its expiry month, in UTC.
 */
final class ExpiryFields {
  static final int MAX_YEARS_AHEAD = 20;

  static final String REQUIRED = CardFields.REQUIRED;
  static final String NOT_WHOLE = "must be a whole number";
  static final String MONTH_RANGE = "must be between 1 and 12";
  static final String YEAR_DIGITS = "must have two or four digits, such as 31 or 2031";
  static final String YEAR_TOO_FAR = "must not be more than " + MAX_YEARS_AHEAD + " years ahead";
  static final String EXPIRED = "the card has expired";

  private ExpiryFields() {}

  /** The month, 1 to 12 (a JSON number or a numeric string); {@code null} if refused. */
  static Integer month(Object raw, FieldErrors errors) {
    if (raw == null || "".equals(raw)) {
      return errors.add(EXPIRY_MONTH, REQUIRED);
    }
    Long value = wholeValue(raw);
    if (value == null) {
      return errors.add(EXPIRY_MONTH, NOT_WHOLE);
    }
    if (value < 1 || value > 12) {
      return errors.add(EXPIRY_MONTH, MONTH_RANGE);
    }
    return value.intValue();
  }

  /**
   * The year with four digits: {@code 31} and {@code "31"} mean 2031, {@code 2031} and
   * {@code "2031"} mean 2031; a string must have exactly two or four digits ({@code "5"} and
   * {@code "0031"} are refused), a number below 100 is read as two digits whose leading zero was
   * lost ({@code 5} is 2005). Refused, with {@code null}: more than {@link #MAX_YEARS_AHEAD}
   * years after the current year, and an expired card ({@code month} may be {@code null} when it
   * was refused itself: the card is then expired only if the whole year is past).
   */
  static Integer year(Object raw, Integer month, YearMonth now, FieldErrors errors) {
    if (raw == null || "".equals(raw)) {
      return errors.add(EXPIRY_YEAR, REQUIRED);
    }
    Long value = wholeValue(raw);
    if (value == null) {
      return errors.add(EXPIRY_YEAR, NOT_WHOLE);
    }
    // A string shows how many digits were sent; a number below 100 has lost a leading zero.
    int written = raw instanceof String ? ((String) raw).length() : value < 100 ? 2 : 4;
    int year;
    if (written == 2 && value >= 0 && value <= 99) {
      year = 2000 + value.intValue();
    } else if (written == 4 && value >= 1000 && value <= 9999) {
      year = value.intValue();
    } else {
      return errors.add(EXPIRY_YEAR, YEAR_DIGITS);
    }
    if (year > now.getYear() + MAX_YEARS_AHEAD) {
      return errors.add(EXPIRY_YEAR, YEAR_TOO_FAR);
    }
    boolean expired = month == null
        ? year < now.getYear()
        : YearMonth.of(year, month).isBefore(now);
    return expired ? errors.add(EXPIRY_YEAR, EXPIRED) : year;
  }

  private static Long wholeValue(Object raw) {
    if (raw instanceof String) {
      return WireNumbers.wholeValue((String) raw);
    }
    BigDecimal number = WireNumbers.decimalOf(raw);
    return number == null ? null : WireNumbers.wholeValue(number);
  }
}
