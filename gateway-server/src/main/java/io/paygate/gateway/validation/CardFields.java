package io.paygate.gateway.validation;

import static io.paygate.gateway.validation.PaymentFields.CARD_HOLDER_NAME;
import static io.paygate.gateway.validation.PaymentFields.CARD_NUMBER;
import static io.paygate.gateway.validation.PaymentFields.CVV;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads {@code cardnumber}, {@code cvv} and {@code cardholdername}. No message ever repeats what
 * was sent for the first two.
 */
final class CardFields {
  static final int MIN_CARD_DIGITS = 12;
  static final int MAX_CARD_DIGITS = 19;
  /** 19 digits with a separator between each: anything longer is refused without reading it. */
  private static final int MAX_CARD_INPUT_LENGTH = 2 * MAX_CARD_DIGITS - 1;
  static final int MAX_CARD_HOLDER_NAME_LENGTH = 100;

  static final String REQUIRED = "is required";
  static final String CARD_NUMBER_NOT_STRING =
      "must be a JSON string, not a number: a number loses leading zeros and precision";
  static final String CARD_NUMBER_LENGTH =
      "must have " + MIN_CARD_DIGITS + " to " + MAX_CARD_DIGITS + " digits";
  static final String CARD_NUMBER_FORMAT =
      "must be digits, optionally grouped by single spaces or by single dashes";
  static final String CARD_NUMBER_CHECK_DIGIT = "is not a valid card number (check digit)";
  static final String CVV_FORMAT = "must be a string of 3 or 4 digits";
  static final String CVV_NUMBER =
      "must be a string of 3 or 4 digits, such as \"012\": a number loses leading zeros";
  static final String NOT_A_STRING = "must be a string";
  static final String NAME_BLANK = "must not be blank";
  static final String NAME_TOO_LONG =
      "must be at most " + MAX_CARD_HOLDER_NAME_LENGTH + " characters";
  static final String NAME_CONTROL = "must not contain line breaks or other control characters";

  private CardFields() {}

  /** The digits of the card number, or {@code null} after recording why it is refused. */
  static String cardNumber(Object raw, FieldErrors errors) {
    if (raw == null) {
      return errors.add(CARD_NUMBER, REQUIRED);
    }
    if (raw instanceof Number) {
      return errors.add(CARD_NUMBER, CARD_NUMBER_NOT_STRING);
    }
    if (!(raw instanceof String)) {
      return errors.add(CARD_NUMBER, NOT_A_STRING);
    }
    String text = (String) raw;
    if (text.isBlank()) {
      return errors.add(CARD_NUMBER, REQUIRED);
    }
    if (text.length() > MAX_CARD_INPUT_LENGTH) {
      return errors.add(CARD_NUMBER, CARD_NUMBER_LENGTH);
    }
    Optional<String> digits = CardNumbers.normalize(text);
    if (digits.isEmpty()) {
      return errors.add(CARD_NUMBER, CARD_NUMBER_FORMAT);
    }
    int length = digits.get().length();
    if (length < MIN_CARD_DIGITS || length > MAX_CARD_DIGITS) {
      return errors.add(CARD_NUMBER, CARD_NUMBER_LENGTH);
    }
    if (!Luhn.isValid(digits.get())) {
      return errors.add(CARD_NUMBER, CARD_NUMBER_CHECK_DIGIT);
    }
    return digits.get();
  }

  /**
   * The CVV: a string of 3 or 4 ASCII digits; or a JSON number written as a whole number of 3 or 4
   * digits ({@code 123}, not {@code 123.0}, not {@code 12} for "012"). {@code null} if refused.
   */
  static String cvv(Object raw, FieldErrors errors) {
    if (raw == null) {
      return errors.add(CVV, REQUIRED);
    }
    if (raw instanceof String) {
      String text = (String) raw;
      if (text.isEmpty()) {
        return errors.add(CVV, REQUIRED);
      }
      boolean ok = text.length() >= 3 && text.length() <= 4 && WireNumbers.isDigits(text);
      return ok ? text : errors.add(CVV, CVV_FORMAT);
    }
    BigDecimal number = WireNumbers.decimalOf(raw);
    if (number == null) {
      return errors.add(CVV, CVV_FORMAT);
    }
    boolean ok = number.signum() > 0 && number.scale() == 0
        && number.precision() >= 3 && number.precision() <= 4;
    return ok ? number.toPlainString() : errors.add(CVV, CVV_NUMBER);
  }

  /**
   * The card holder's name, stripped of surrounding white space; {@code null} if refused. Refused
   * anywhere in it, even at an end: control characters (a line break could forge a log line),
   * line and paragraph separators, bidirectional overrides, and unpaired surrogates.
   */
  static String cardHolderName(Object raw, FieldErrors errors) {
    if (raw == null) {
      return errors.add(CARD_HOLDER_NAME, REQUIRED);
    }
    if (!(raw instanceof String)) {
      return errors.add(CARD_HOLDER_NAME, NOT_A_STRING);
    }
    String text = (String) raw;
    if (text.codePoints().anyMatch(CardFields::isForbiddenInName)) {
      return errors.add(CARD_HOLDER_NAME, NAME_CONTROL);
    }
    String name = text.strip();
    if (name.isEmpty()) {
      return errors.add(CARD_HOLDER_NAME, text.isEmpty() ? REQUIRED : NAME_BLANK);
    }
    // Characters are code points: an emoji is one, not two UTF-16 units.
    if (name.codePointCount(0, name.length()) > MAX_CARD_HOLDER_NAME_LENGTH) {
      return errors.add(CARD_HOLDER_NAME, NAME_TOO_LONG);
    }
    return name;
  }

  private static boolean isForbiddenInName(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
        return true;
      default:
        return (codePoint >= 0x202A && codePoint <= 0x202E)
            || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
  }
}
