package io.paygate.piggy;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * A JSON body from the Piggy Bank: a payment's answer ({@code reference}, {@code status}, ...) or an
 * error ({@code error}, {@code field}). Absent and null fields are null.
 *
 * <p>Read with Moshi's streaming reader rather than bound reflectively, so that a field of the wrong
 * type is an unreadable answer, never a silent null, and the amount stays an exact integer.
 */
record BankAnswer(
    String reference, String status, String bankReference, String authorisationCode,
    String reason, String message, Long amount, String currency, String error, String field) {

  /** Far above any answer of the bank's; a bound so a broken bank cannot exhaust the heap. */
  private static final long MAX_BYTES = 64 * 1024;

  private static final String[] NAMES = {
    "reference", "status", "bankReference", "authorisationCode", "reason", "message", "amount",
    "currency", "error", "field"
  };
  private static final JsonReader.Options FIELDS = JsonReader.Options.of(NAMES);
  private static final int AMOUNT = 6;

  /**
   * Reads and parses a response body.
   *
   * @throws IOException when the connection fails while the body is read
   * @throws UnreadableAnswer when the body is empty, too large, not a JSON object, or has a field
   *     of the wrong type
   */
  static BankAnswer read(ResponseBody body) throws IOException, UnreadableAnswer {
    BufferedSource source = body.source();
    if (source.request(MAX_BYTES + 1)) {
      throw new UnreadableAnswer("the answer is larger than " + MAX_BYTES + " bytes");
    }
    Buffer bytes = source.getBuffer();
    if (bytes.size() == 0) {
      throw new UnreadableAnswer("the answer is empty");
    }
    try {
      return parse(JsonReader.of(bytes));
    } catch (IOException | JsonDataException e) {
      // The body is already in memory: an IOException here is a parse error, not a network one.
      throw new UnreadableAnswer("the answer is not JSON (" + SafeText.describe(e) + ")");
    }
  }

  private static BankAnswer parse(JsonReader reader) throws IOException, UnreadableAnswer {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new UnreadableAnswer("the answer is not a JSON object");
    }
    String[] text = new String[NAMES.length];
    Long amount = null;
    reader.beginObject();
    while (reader.hasNext()) {
      int field = reader.selectName(FIELDS);
      if (field == -1) {
        reader.skipName();
        reader.skipValue();
      } else if (reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
      } else if (field == AMOUNT) {
        amount = wholeNumber(reader);
      } else if (reader.peek() == JsonReader.Token.STRING) {
        text[field] = reader.nextString();
      } else {
        throw new UnreadableAnswer("'" + NAMES[field] + "' is not a string");
      }
    }
    reader.endObject();
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new UnreadableAnswer("the answer has content after its JSON object");
    }
    return new BankAnswer(
        text[0], text[1], text[2], text[3], text[4], text[5], amount, text[7], text[8], text[9]);
  }

  private static long wholeNumber(JsonReader reader) throws IOException, UnreadableAnswer {
    if (reader.peek() == JsonReader.Token.NUMBER) {
      try {
        // The literal, so that 42.5 or 1e3 are refused rather than rounded.
        return Long.parseLong(reader.nextString());
      } catch (NumberFormatException e) {
        // Reported below.
      }
    }
    throw new UnreadableAnswer("'amount' is not a whole number");
  }
}
