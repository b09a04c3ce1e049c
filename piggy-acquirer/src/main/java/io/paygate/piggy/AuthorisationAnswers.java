package io.paygate.piggy;

import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import java.io.IOException;
import okhttp3.Response;

/**
 * Turns the Piggy Bank's answer to {@code POST /payments} into an {@link AuthorisationResult}, by
 * what the answer proves about the money: authorised or declined only on a complete, consistent
 * answer; not processed only on statuses by which the bank says it did not act (503, 400, 401,
 * 403); unknown for everything else.
 */
final class AuthorisationAnswers {
  private AuthorisationAnswers() {}

  /**
   * Interprets a response to {@code request}.
   *
   * @throws IOException when the connection fails while the body is read; the bank may have acted
   */
  static AuthorisationResult interpret(Response response, AuthorisationRequest request)
      throws IOException {
    int code = response.code();
    switch (code) {
      case 200:
        return interpretOk(response, request);
      case 503:
        return AuthorisationResult.notProcessed("the Piggy Bank is unavailable (503)");
      case 400:
        return AuthorisationResult.notProcessed(
            "the Piggy Bank rejected the request without processing it (400" + errorOf(response)
                + ")");
      case 401:
      case 403:
        return AuthorisationResult.notProcessed(
            "the Piggy Bank refused the gateway's credentials (" + code + ")");
      default:
        // 500, 502, 504, a redirect, anything else: the bank may have processed the payment.
        return AuthorisationResult.unknown("the Piggy Bank answered " + code);
    }
  }

  private static AuthorisationResult interpretOk(Response response, AuthorisationRequest request)
      throws IOException {
    BankAnswer answer;
    try {
      answer = BankAnswer.read(response.body());
    } catch (UnreadableAnswer e) {
      return AuthorisationResult.unknown("unreadable answer from the Piggy Bank: " + e.getMessage());
    }
    if (!request.paymentReference().equals(answer.reference())) {
      return AuthorisationResult.unknown("the Piggy Bank answered for another payment reference");
    }
    String currency = request.currency().getCurrencyCode();
    if (answer.amount() == null || answer.amount() != request.amountMinor()
        || !currency.equals(answer.currency())) {
      // A replay of an earlier payment with the same reference, or a bank error: reconcile.
      String answered = answer.amount() == null
          ? "no amount" : answer.amount() + " " + SafeText.word(answer.currency());
      return AuthorisationResult.unknown("the Piggy Bank answered with " + answered + ", not the "
          + request.amountMinor() + " " + currency + " asked for");
    }
    if ("AUTHORISED".equals(answer.status())) {
      if (isBlank(answer.authorisationCode())) {
        return AuthorisationResult.unknown(
            "the Piggy Bank authorised without an authorisation code");
      }
      return AuthorisationResult.authorised(answer.bankReference(), answer.authorisationCode());
    }
    if ("DECLINED".equals(answer.status())) {
      if (!SafeText.isWord(answer.reason())) {
        return AuthorisationResult.unknown("the Piggy Bank declined without a readable reason");
      }
      return AuthorisationResult.declined(answer.reason(), SafeText.plain(answer.message()));
    }
    return AuthorisationResult.unknown(
        "the Piggy Bank answered an unknown status " + SafeText.word(answer.status()));
  }

  /** {@code ": missing_field cvv"} from an error body, or nothing when it cannot be read. */
  private static String errorOf(Response response) {
    try {
      BankAnswer answer = BankAnswer.read(response.body());
      StringBuilder error = new StringBuilder();
      if (SafeText.isWord(answer.error())) {
        error.append(": ").append(answer.error());
        if (SafeText.isWord(answer.field())) {
          error.append(' ').append(answer.field());
        }
      }
      return error.toString();
    } catch (IOException | UnreadableAnswer e) {
      return ""; // The status alone settles the outcome; the detail is a courtesy.
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
