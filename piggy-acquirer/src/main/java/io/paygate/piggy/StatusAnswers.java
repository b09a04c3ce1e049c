package io.paygate.piggy;

import io.paygate.acquirer.spi.StatusRequest;
import io.paygate.acquirer.spi.StatusResult;
import java.io.IOException;
import java.util.Currency;
import okhttp3.Response;

/**
 * Turns the Piggy Bank's answer to {@code GET /payments/{reference}} into a {@link StatusResult}.
 *
 * <p>Not found makes the gateway fail the payment for good, so it is said only on a 404 that
 * carries the bank's own {@code {"error":"not_found"}}: a bare 404 from a proxy or a wrong base URL
 * proves nothing about the payment and is unknown.
 */
final class StatusAnswers {
  private StatusAnswers() {}

  /**
   * Interprets a response to {@code request}.
   *
   * @throws IOException when the connection fails while the body is read
   */
  static StatusResult interpret(Response response, StatusRequest request) throws IOException {
    int code = response.code();
    if (code == 404) {
      return isBankNotFound(response)
          ? StatusResult.notFound()
          : StatusResult.unknown("404 without the Piggy Bank's not_found answer");
    }
    if (code != 200) {
      return StatusResult.unknown("the Piggy Bank answered " + code);
    }
    BankAnswer answer;
    try {
      answer = BankAnswer.read(response.body());
    } catch (UnreadableAnswer e) {
      return StatusResult.unknown("unreadable answer from the Piggy Bank: " + e.getMessage());
    }
    if (!request.paymentReference().equals(answer.reference())) {
      return StatusResult.unknown("the Piggy Bank answered for another payment reference");
    }
    if ("AUTHORISED".equals(answer.status())) {
      Currency currency = currencyOf(answer.currency());
      if (isBlank(answer.authorisationCode()) || answer.amount() == null || currency == null) {
        return StatusResult.unknown(
            "the Piggy Bank's answer lacks the authorisation code, amount or currency");
      }
      // The amount and currency are the bank's; the gateway compares them with its own.
      return StatusResult.authorised(
          answer.bankReference(), answer.authorisationCode(), answer.amount(), currency);
    }
    if ("DECLINED".equals(answer.status()) && SafeText.isWord(answer.reason())) {
      return StatusResult.declined(answer.reason(), SafeText.plain(answer.message()));
    }
    return StatusResult.unknown(
        "the Piggy Bank answered an unknown status " + SafeText.word(answer.status()));
  }

  private static boolean isBankNotFound(Response response) throws IOException {
    try {
      return "not_found".equals(BankAnswer.read(response.body()).error());
    } catch (UnreadableAnswer e) {
      return false;
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static Currency currencyOf(String code) {
    try {
      return code == null ? null : Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
