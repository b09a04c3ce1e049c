package io.paygate.gateway.validation;

import io.paygate.gateway.core.Money;
import io.paygate.gateway.errors.ValidationException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the body of a payment request ({@code POST /api/process}) and turns it into a
 * {@link ValidatedPayment}, or refuses it with a {@link ValidationException} that names every bad
 * field at once, each by its documented wire name ({@link PaymentFields}).
 *
 * <p>The rules, field by field:
 *
 * <ul>
 *   <li>{@code cardnumber}: a JSON string (a number is refused: it loses leading zeros and
 *       precision); ASCII digits, optionally grouped by single spaces or single dashes, not both;
 *       12 to 19 digits; Luhn check digit.
 *   <li>{@code cvv}: a string of 3 or 4 digits; a JSON number only if written as a whole number of
 *       3 or 4 digits ({@code 123}).
 *   <li>{@code expirymonth}: a whole number 1 to 12, as a number or a numeric string.
 *   <li>{@code expiryyear}: two digits (2000 + yy) or four, as a number or a numeric string; not
 *       more than 20 years after the current year. The card is valid through the last day of its
 *       expiry month in UTC; an expired card is one error, "the card has expired", on
 *       {@code expiryyear}.
 *   <li>{@code amount}: a JSON number or a string with a plain decimal ({@code "42.50"}: no
 *       exponent, sign or thousands separator); greater than zero; no more decimals than the
 *       currency has ({@code 10.0 JPY} is fine, {@code 10.5 JPY} is not); at most 40 significant
 *       digits; at most the maximum. When the currency is refused, the amount is checked only for
 *       what does not depend on it.
 *   <li>{@code currency}: an ISO 4217 alphabetic code in any case, with a minor unit (not
 *       {@code XXX}, {@code XAU}).
 *   <li>{@code cardholdername}: a string; stripped of surrounding white space, 1 to 100 UTF-16
 *       characters (so it fits a {@code VARCHAR(100)}); no control characters anywhere, line
 *       breaks included, nor line separators, bidirectional overrides, unpaired surrogates.
 * </ul>
 *
 * <p>A missing field, a JSON {@code null} and an empty string are all "is required". A value of the
 * wrong JSON type is refused with a message saying which type is expected. Other fields
 * ({@code merchantname}, {@code id}, {@code status}, {@code merchantid}...) are ignored: the server
 * owns them. No message ever repeats the card number, any part of it, or the CVV.
 *
 * <p>Absurd inputs cost little: lengths, precision and scale are checked before any arithmetic, so
 * a 10,000-digit string or {@code 1E+1000000000} is refused in microseconds.
 *
 * <p>Pure and thread-safe: no I/O, no mutable state; the clock is read once per call.
 */
public final class PaymentRequestValidator {
  /**
   * The default maximum amount, in minor units of whatever currency: 10,000,000,000, which is
   * 100,000,000.00 EUR or USD, 10,000,000,000 JPY, 10,000,000.000 BHD. A limit per currency, if
   * wanted, belongs to the merchant's configuration, not here.
   */
  public static final long DEFAULT_MAX_AMOUNT_MINOR = 100_000_000_00L;

  private final Clock clock;
  private final long maxAmountMinor;
  private final MoneyFields money;

  /** A validator with the {@linkplain #DEFAULT_MAX_AMOUNT_MINOR default maximum amount}. */
  public PaymentRequestValidator(Clock clock) {
    this(clock, DEFAULT_MAX_AMOUNT_MINOR);
  }

  /**
   * @param clock tells the current month, for the expiry check (its zone is ignored: UTC is used)
   * @param maxAmountMinor the largest amount accepted, in minor units of the payment's currency
   * @throws IllegalArgumentException if {@code maxAmountMinor} is not positive
   */
  public PaymentRequestValidator(Clock clock, long maxAmountMinor) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    if (maxAmountMinor <= 0) {
      throw new IllegalArgumentException("maxAmountMinor must be positive: " + maxAmountMinor);
    }
    this.maxAmountMinor = maxAmountMinor;
    this.money = new MoneyFields(maxAmountMinor);
  }

  /** The largest amount accepted, in minor units. */
  public long maxAmountMinor() {
    return maxAmountMinor;
  }

  /**
   * Validates a payment request body.
   *
   * @param body the parsed JSON object, keys already lower-cased; JSON numbers as
   *     {@link java.math.BigDecimal} (a Java caller may also use {@code Integer}, {@code Long},
   *     {@code BigInteger}), strings as {@code String}, booleans as {@code Boolean}, objects as
   *     {@code Map}, arrays as {@code List}, JSON null as {@code null}
   * @return the payment, normalised
   * @throws ValidationException naming every bad field, in the order of {@link PaymentFields#ALL}
   * @throws IllegalArgumentException if a number is a {@code Double} or {@code Float}: the JSON
   *     parser must give {@code BigDecimal}, a double has already lost digits (a server bug, not a
   *     client's)
   * @throws NullPointerException if {@code body} is null
   */
  public ValidatedPayment validate(Map<String, ?> body) {
    Objects.requireNonNull(body, "body == null");
    YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    FieldErrors errors = new FieldErrors();

    String cardNumber = CardFields.cardNumber(body.get(PaymentFields.CARD_NUMBER), errors);
    String cvv = CardFields.cvv(body.get(PaymentFields.CVV), errors);
    Integer month = ExpiryFields.month(body.get(PaymentFields.EXPIRY_MONTH), errors);
    Integer year = ExpiryFields.year(body.get(PaymentFields.EXPIRY_YEAR), month, now, errors);
    Currency currency = MoneyFields.currency(body.get(PaymentFields.CURRENCY), errors);
    Money amount = money.amount(body.get(PaymentFields.AMOUNT), currency, errors);
    String name = CardFields.cardHolderName(body.get(PaymentFields.CARD_HOLDER_NAME), errors);

    errors.throwIfAny();
    return new ValidatedPayment(cardNumber, cvv, month, year, name, amount);
  }
}
