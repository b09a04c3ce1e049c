package io.paygate.sdk;

import org.jetbrains.annotations.Nullable;

/**
 * The client's total call timeout ({@link PaygateClient.Builder#callTimeout}) ran out before the
 * operation finished, retries, waits and token refreshes included. As for any
 * {@link ConnectionFailureException}, the outcome of a payment is unknown: retry it with
 * {@link #idempotencyKey()}.
 */
public class CallTimeoutException extends ConnectionFailureException {
  public CallTimeoutException(String message, @Nullable String idempotencyKey,
      @Nullable Throwable cause) {
    super(message, idempotencyKey, cause);
  }
}
