package io.paygate.gateway.payments;

import io.paygate.gateway.validation.ValidatedPayment;
import java.util.Objects;

/**
 * A payment request as the service takes it: parsed and validated at the edge, so that the
 * service never reads a JSON body.
 *
 * @param payment the card, amount and holder; holds the full card number and the CVV, for the
 *     bank only
 * @param capture whether to capture in full right after an authorisation
 */
public record PaymentRequest(ValidatedPayment payment, boolean capture) {
  public PaymentRequest {
    Objects.requireNonNull(payment, "payment == null");
  }

  /** An authorisation only, what the original clients ask for. */
  public static PaymentRequest authorise(ValidatedPayment payment) {
    return new PaymentRequest(payment, false);
  }

  /** An authorisation captured in full as soon as the bank approves it. */
  public static PaymentRequest authoriseAndCapture(ValidatedPayment payment) {
    return new PaymentRequest(payment, true);
  }
}
