package io.paygate.sdk;

import org.jetbrains.annotations.Nullable;

/**
 * 409: a request with this {@code Idempotency-Key} is still being processed by the gateway, and
 * was still in flight after every retry the client made. Nothing is wrong with the request: submit
 * the same payment again later with the same {@link #idempotencyKey()}, and the gateway answers
 * with its outcome once it has one. Never submit it with a new key: that could charge twice.
 */
public class IdempotencyKeyInUseException extends IdempotencyConflictException {
  public IdempotencyKeyInUseException(String message, int httpStatus, @Nullable String requestId,
      @Nullable String idempotencyKey) {
    super(message, httpStatus, requestId, idempotencyKey);
  }

  /** Always true: the first request will finish, and the same key then gets its outcome. */
  @Override public boolean isRetryable() {
    return true;
  }
}
