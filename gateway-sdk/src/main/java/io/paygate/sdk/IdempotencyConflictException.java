package io.paygate.sdk;

import org.jetbrains.annotations.Nullable;

/**
 * The {@code Idempotency-Key} is in conflict. With status 409 the first request with this key is still being processed, and stayed so through every retry: ask again later with the same key. With status 422 the key was already used for a different payment: a key must be unique per payment, so this is a bug in how keys are chosen.
 */
public class IdempotencyConflictException extends PaygateException {
  public IdempotencyConflictException(String message, int httpStatus, @Nullable String requestId,
      @Nullable String idempotencyKey) {
    super(message, httpStatus, requestId, idempotencyKey, null);
  }
}
