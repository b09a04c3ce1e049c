package io.paygate.piggy;

import io.paygate.acquirer.spi.OperationRequest;
import io.paygate.acquirer.spi.OperationResult;
import java.io.IOException;
import okhttp3.Response;

/**
 * Turns the Piggy Bank's answer to an operation ({@code POST /payments/{reference}/refunds} and the
 * like) or to its look-up ({@code GET /operations/{reference}}) into an {@link OperationResult},
 * by the rules of {@link AuthorisationAnswers}: done or refused only on a complete answer for this
 * operation; not processed only when the bank says it did not act; unknown otherwise.
 */
final class OperationAnswers {
  private OperationAnswers() {}

  /**
   * Interprets the answer to sending {@code request}.
   *
   * @throws IOException when the connection fails while the body is read; the bank may have acted
   */
  static OperationResult interpret(Response response, OperationRequest request) throws IOException {
    int code = response.code();
    switch (code) {
      case 200:
        return interpretOk(response, request);
      case 503:
        return OperationResult.notProcessed("the Piggy Bank is unavailable (503)");
      case 400:
        return OperationResult.notProcessed(
            "the Piggy Bank rejected the request without processing it (400)");
      case 401:
      case 403:
        return OperationResult.notProcessed(
            "the Piggy Bank refused the gateway's credentials (" + code + ")");
      default:
        return OperationResult.unknown("the Piggy Bank answered " + code);
    }
  }

  /**
   * Interprets the answer to looking {@code request} up: a 404 with the bank's own
   * {@code not_found} says it never received it; anything else unreadable is unknown.
   */
  static OperationResult interpretLookUp(Response response, OperationRequest request)
      throws IOException {
    if (response.code() == 404) {
      try {
        if ("not_found".equals(BankAnswer.read(response.body()).error())) {
          return OperationResult.notProcessed("the Piggy Bank holds no such operation");
        }
      } catch (UnreadableAnswer e) {
        // Below.
      }
      return OperationResult.unknown("404 without the Piggy Bank's not_found answer");
    }
    if (response.code() != 200) {
      return OperationResult.unknown("the look-up answered " + response.code());
    }
    return interpretOk(response, request);
  }

  private static OperationResult interpretOk(Response response, OperationRequest request)
      throws IOException {
    BankAnswer answer;
    try {
      answer = BankAnswer.read(response.body());
    } catch (UnreadableAnswer e) {
      return OperationResult.unknown("unreadable answer from the Piggy Bank: " + e.getMessage());
    }
    if (!request.operationReference().equals(answer.reference())) {
      return OperationResult.unknown("the Piggy Bank answered for another operation reference");
    }
    if (answer.amount() == null || answer.amount() != request.amountMinor()
        || !request.currency().getCurrencyCode().equals(answer.currency())) {
      // The reference was used before with another amount: the bank's answer is for that one.
      return OperationResult.unknown("the Piggy Bank answered with another amount than the "
          + request.amountMinor() + " " + request.currency().getCurrencyCode() + " asked for");
    }
    if ("DONE".equals(answer.status())) {
      return OperationResult.done(answer.bankReference());
    }
    if ("REFUSED".equals(answer.status()) && SafeText.isWord(answer.reason())) {
      return OperationResult.refused(answer.reason(), "refused by the Piggy Bank");
    }
    return OperationResult.unknown(
        "the Piggy Bank answered an unknown status " + SafeText.word(answer.status()));
  }
}
