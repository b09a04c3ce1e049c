package io.paygate.piggy.simulator;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.Currency;
import okio.Buffer;

/**
 * A well-formed body of {@code POST /payments/{reference}/captures} (or voids, refunds, cancels):
 * {@code {"reference": "op-1", "merchantId": "m", "amount": 1250, "currency": "EUR"}}.
 *
 * @param reference the operation's reference, the bank's idempotency key for it
 * @param merchantId the merchant, needed when a cancel arrives before its payment
 * @param amount minor units, positive
 * @param currency ISO 4217 code
 */
record OperationSubmission(String reference, String merchantId, long amount, String currency) {
  private static final String[] NAMES = {"reference", "merchantId", "amount", "currency"};
  private static final JsonReader.Options FIELDS = JsonReader.Options.of(NAMES);

  /**
   * Parses a request body.
   *
   * @throws RejectedSubmission when the body is not a JSON object or a field is missing or bad
   */
  static OperationSubmission parse(byte[] body) throws RejectedSubmission {
    String[] raw = new String[NAMES.length];
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
        } else if (reader.peek() == JsonReader.Token.NULL) {
          reader.nextNull();
        } else if (reader.peek() == (field == 2 ? JsonReader.Token.NUMBER : JsonReader.Token.STRING)) {
          raw[field] = reader.nextString();
        } else {
          throw RejectedSubmission.invalid(NAMES[field]);
        }
      }
      reader.endObject();
    } catch (IOException | JsonDataException e) {
      throw RejectedSubmission.invalidJson();
    }
    for (int i = 0; i < NAMES.length; i++) {
      if (raw[i] == null || raw[i].isBlank()) {
        throw RejectedSubmission.missing(NAMES[i]);
      }
    }
    long amount;
    try {
      amount = Long.parseLong(raw[2]);
    } catch (NumberFormatException e) {
      throw RejectedSubmission.invalid("amount");
    }
    if (amount <= 0) {
      throw RejectedSubmission.invalid("amount");
    }
    try {
      Currency.getInstance(raw[3]);
    } catch (IllegalArgumentException e) {
      throw RejectedSubmission.invalid("currency");
    }
    return new OperationSubmission(raw[0], raw[1], amount, raw[3]);
  }
}
