package io.paygate.piggy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * A JSON body from the Piggy Bank: a payment's answer ({@code reference}, {@code status}, ...) or an
 * error ({@code error}, {@code field}). Absent fields are null.
 */
record BankAnswer(
    String reference, String status, String bankReference, String authorisationCode,
    String reason, String message, Long amount, String currency, String error, String field) {

  /** Far above any answer of the bank's; a bound so a broken bank cannot exhaust the heap. */
  private static final long MAX_BYTES = 64 * 1024;

  private static final JsonAdapter<BankAnswer> ADAPTER =
      new Moshi.Builder().build().adapter(BankAnswer.class);

  /**
   * Reads and parses a response body.
   *
   * @throws IOException when the connection fails while the body is read
   * @throws UnreadableAnswer when the body is empty, too large, not JSON or not an object
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
      BankAnswer answer = ADAPTER.fromJson(bytes);
      if (answer == null) {
        throw new UnreadableAnswer("the answer is JSON null");
      }
      return answer;
    } catch (IOException | JsonDataException e) {
      // The body is already in memory: an IOException here is a parse error, not a network one.
      throw new UnreadableAnswer("the answer is not the bank's JSON (" + SafeText.describe(e) + ")");
    }
  }
}
