package io.paygate.sdk;

import org.jetbrains.annotations.Nullable;

/**
 * HTTP 409: the payment's state does not allow the capture, void or refund asked for (a refund
 * of a payment never captured, a capture after a void). The message names the payment's current
 * state. Not retried: asking again cannot change the payment's state.
 */
public class IllegalTransitionException extends PaygateException {
  public IllegalTransitionException(String message, int httpStatus, @Nullable String requestId,
      @Nullable String idempotencyKey) {
    super(message, httpStatus, requestId, idempotencyKey, null);
  }
}
