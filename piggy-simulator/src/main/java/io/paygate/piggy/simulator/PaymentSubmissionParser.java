package io.paygate.piggy.simulator;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.paygate.acquirer.spi.Card;
import java.io.IOException;
import java.util.Currency;
import okio.Buffer;

/**
 * Reads and checks the body of {@code POST /payments}.
 *
 * <p>It streams the JSON rather than binding it to a class so that it can tell a missing field from
 * one of the wrong type, keep integers exact (no detour through {@code double}), and avoid holding
 * the card number or CVV anywhere but in local variables. The whole body is read before any field
 * is judged, so unparseable JSON is always {@code invalid_json}; then fields are judged in the
 * order of {@link #FIELD_NAMES} and the first bad one is reported.
 */
final class PaymentSubmissionParser {
  private static final String[] FIELD_NAMES = {
    "reference", "merchantId", "cardNumber", "cvv", "expiryMonth", "expiryYear",
    "cardHolderName", "amount", "currency"
  };
  private static final JsonReader.Options FIELDS = JsonReader.Options.of(FIELD_NAMES);
  private static final int REFERENCE = 0;
  private static final int MERCHANT_ID = 1;
  private static final int CARD_NUMBER = 2;
  private static final int CVV = 3;
  private static final int EXPIRY_MONTH = 4;
  private static final int EXPIRY_YEAR = 5;
  private static final int CARD_HOLDER_NAME = 6;
  private static final int AMOUNT = 7;
  private static final int CURRENCY = 8;

  /** Stands for a value of the wrong JSON type. */
  private static final Object WRONG_TYPE = new Object();

  private PaymentSubmissionParser() {}

  /**
   * Parses a request body.
   *
   * @throws RejectedSubmission when the body is not a JSON object or a field is missing or bad
   */
  static PaymentSubmission parse(byte[] body) throws RejectedSubmission {
    Object[] raw = readFields(body);

    String reference = text(raw, REFERENCE);
    String merchantId = text(raw, MERCHANT_ID);
    String cardNumber = text(raw, CARD_NUMBER);
    if (!isDigits(cardNumber, 12, 19)) {
      throw RejectedSubmission.invalid(FIELD_NAMES[CARD_NUMBER]);
    }
    if (!isDigits(text(raw, CVV), 3, 4)) {
      throw RejectedSubmission.invalid(FIELD_NAMES[CVV]);
    }
    integer(raw, EXPIRY_MONTH, 1, 12);
    integer(raw, EXPIRY_YEAR, 1000, 9999);
    text(raw, CARD_HOLDER_NAME);
    long amount = integer(raw, AMOUNT, 1, Long.MAX_VALUE);
    String currency = text(raw, CURRENCY);
    if (!isCurrency(currency)) {
      throw RejectedSubmission.invalid(FIELD_NAMES[CURRENCY]);
    }

    int lastDigit = cardNumber.charAt(cardNumber.length() - 1) - '0';
    return new PaymentSubmission(reference, merchantId, Card.mask(cardNumber),
        CardVerdict.forLastDigit(lastDigit), amount, currency);
  }

  /**
   * The known fields' raw values: strings as given, numbers as their literal text,
   * {@link #WRONG_TYPE} for anything else, null when absent or JSON null.
   */
  private static Object[] readFields(byte[] body) throws RejectedSubmission {
    Object[] raw = new Object[FIELD_NAMES.length];
    try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw RejectedSubmission.invalidJson();
      }
      reader.beginObject();
      while (reader.hasNext()) {
        int field = reader.selectName(FIELDS);
        if (field == -1) {
          reader.skipName();
          reader.skipValue();
          continue;
        }
        raw[field] = readValue(reader, field == EXPIRY_MONTH || field == EXPIRY_YEAR
            || field == AMOUNT ? JsonReader.Token.NUMBER : JsonReader.Token.STRING);
      }
      reader.endObject();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw RejectedSubmission.invalidJson();
      }
    } catch (IOException | JsonDataException e) {
      throw RejectedSubmission.invalidJson();
    }
    return raw;
  }

  private static Object readValue(JsonReader reader, JsonReader.Token expected)
      throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    if (token != expected) {
      reader.skipValue();
      return WRONG_TYPE;
    }
    // nextString() on a number gives its literal, so 12.0 or 1e3 can be refused as non-integers.
    return reader.nextString();
  }

  private static String text(Object[] raw, int field) throws RejectedSubmission {
    Object value = raw[field];
    if (value == WRONG_TYPE) {
      throw RejectedSubmission.invalid(FIELD_NAMES[field]);
    }
    if (value == null || ((String) value).isBlank()) {
      throw RejectedSubmission.missing(FIELD_NAMES[field]);
    }
    return (String) value;
  }

  private static long integer(Object[] raw, int field, long min, long max)
      throws RejectedSubmission {
    Object value = raw[field];
    if (value == null) {
      throw RejectedSubmission.missing(FIELD_NAMES[field]);
    }
    if (value != WRONG_TYPE) {
      try {
        long n = Long.parseLong((String) value);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // A fraction, an exponent or too large for a long: invalid, below.
      }
    }
    throw RejectedSubmission.invalid(FIELD_NAMES[field]);
  }

  private static boolean isDigits(String s, int minLength, int maxLength) {
    if (s.length() < minLength || s.length() > maxLength) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isCurrency(String code) {
    if (code.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = code.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
