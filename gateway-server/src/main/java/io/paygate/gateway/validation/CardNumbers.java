package io.paygate.gateway.validation;

import java.util.Objects;
import java.util.Optional;

/**
 * Card number text: reading what a client sent, and masking what is kept or shown.
 *
 * <p>Nothing here ever puts a card number, or any part of it, into an exception message.
 */
public final class CardNumbers {
  private static final char MASK = '*';
  /** At least this many digits are always hidden by {@link #mask}. */
  static final int MIN_MASKED = 6;
  /** At most this many leading digits (the issuer identification number) are shown. */
  static final int MAX_FIRST = 6;
  /** At most this many trailing digits are shown. */
  static final int MAX_LAST = 4;

  private CardNumbers() {}

  /**
   * Reads a card number as a client may type it: ASCII digits, optionally grouped by single
   * separators, all spaces or all dashes ({@code 4242 4242 4242 4242},
   * {@code 4242-4242-4242-4242}).
   *
   * <p>Refused: any other character (letters, dots, non-ASCII digits), a separator at the start or
   * the end, two separators in a row, spaces and dashes mixed. The length and the check digit are
   * not looked at: see {@link Luhn#isValid} and {@link PaymentRequestValidator}. Runs in time
   * linear in the input.
   *
   * @return the digits alone, or empty if {@code input} is not digits grouped as above
   * @throws NullPointerException if {@code input} is null
   */
  public static Optional<String> normalize(String input) {
    Objects.requireNonNull(input, "input == null");
    int length = input.length();
    StringBuilder digits = new StringBuilder(Math.min(length, 32));
    char separator = 0;
    boolean afterDigit = false;
    for (int i = 0; i < length; i++) {
      char c = input.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
        afterDigit = true;
      } else if ((c == ' ' || c == '-') && afterDigit && (separator == 0 || separator == c)) {
        separator = c;
        afterDigit = false;
      } else {
        return Optional.empty();
      }
    }
    return afterDigit ? Optional.of(digits.toString()) : Optional.empty();
  }

  /**
   * Masks a card number for storage, logs and display: at most the first six and the last four
   * digits are kept, and at least six digits are always hidden, so that short numbers show less
   * ({@code 4242424242424242} → {@code 424242******4242}; {@code 123456789012} →
   * {@code 123******012}; six digits or fewer → all {@code *}).
   *
   * @param digits the digits of a card number, no separators (see {@link #normalize})
   * @return the masked number, as long as {@code digits}
   * @throws IllegalArgumentException if {@code digits} has a character other than {@code 0-9}
   *     (the message does not repeat the input)
   * @throws NullPointerException if {@code digits} is null
   */
  public static String mask(String digits) {
    Objects.requireNonNull(digits, "digits == null");
    int length = digits.length();
    for (int i = 0; i < length; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("a card number to mask must have only the digits 0-9");
      }
    }
    int shown = Math.max(0, Math.min(MAX_FIRST + MAX_LAST, length - MIN_MASKED));
    int last = Math.min(MAX_LAST, shown - shown / 2); // the last digits get the odd one
    int first = shown - last;
    StringBuilder masked = new StringBuilder(length);
    masked.append(digits, 0, first);
    masked.append(String.valueOf(MASK).repeat(length - shown));
    masked.append(digits, length - last, length);
    return masked.toString();
  }
}
