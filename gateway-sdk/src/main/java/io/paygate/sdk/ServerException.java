package io.paygate.sdk;

import org.jetbrains.annotations.Nullable;

/**
 * The gateway failed (5xx), and still did after every retry. For a payment, the outcome is unknown: submit it again later with {@link #idempotencyKey()}, which returns the first outcome if there was one, or look it up in the history.
 */
public class ServerException extends PaygateException {
  public ServerException(String message, int httpStatus, @Nullable String requestId,
      @Nullable String idempotencyKey) {
    super(message, httpStatus, requestId, idempotencyKey, null);
  }
}
