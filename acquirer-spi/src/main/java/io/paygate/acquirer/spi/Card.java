package io.paygate.acquirer.spi;

import java.util.Objects;

/**
 * The card of one payment, as the cardholder gave it, already validated by the gateway.
 *
 * <p>This object carries the full card number and the CVV so that a connector can send them to
 * its bank. Never log it, store it, or put any of its fields in an exception message;
 * {@link #toString()} shows the masked number only.
 */
public final class Card {
  private final String number;
  private final String cvv;
  private final int expiryMonth;
  private final int expiryYear;
  private final String holderName;

  /**
   * @param number digits only, 12 to 19 of them
   * @param cvv 3 or 4 digits
   * @param expiryMonth 1 to 12
   * @param expiryYear four digits
   * @param holderName the name on the card
   */
  public Card(String number, String cvv, int expiryMonth, int expiryYear, String holderName) {
    this.number = Objects.requireNonNull(number, "number == null");
    this.cvv = Objects.requireNonNull(cvv, "cvv == null");
    if (expiryMonth < 1 || expiryMonth > 12) {
      throw new IllegalArgumentException("expiryMonth must be 1 to 12");
    }
    if (expiryYear < 1000 || expiryYear > 9999) {
      throw new IllegalArgumentException("expiryYear must have four digits");
    }
    this.expiryMonth = expiryMonth;
    this.expiryYear = expiryYear;
    this.holderName = Objects.requireNonNull(holderName, "holderName == null");
  }

  /** The full card number, digits only. For the bank request and nothing else. */
  public String number() {
    return number;
  }

  /** The card verification value. For the bank request and nothing else. */
  public String cvv() {
    return cvv;
  }

  public int expiryMonth() {
    return expiryMonth;
  }

  public int expiryYear() {
    return expiryYear;
  }

  public String holderName() {
    return holderName;
  }

  /** The first six and last four digits, the rest masked: {@code 424242******4242}. */
  public String maskedNumber() {
    return mask(number);
  }

  /** Masks all but the first six and last four digits (fewer when the number is short). */
  public static String mask(String digits) {
    int n = digits.length();
    int keepLast = Math.min(4, n / 4);
    int keepFirst = Math.min(6, Math.max(0, n - keepLast - 6));
    StringBuilder masked = new StringBuilder(n);
    masked.append(digits, 0, keepFirst);
    for (int i = keepFirst; i < n - keepLast; i++) {
      masked.append('*');
    }
    masked.append(digits, n - keepLast, n);
    return masked.toString();
  }

  @Override
  public String toString() {
    return "Card{" + maskedNumber() + ", expires " + expiryMonth + "/" + expiryYear + "}";
  }
}
