package io.paygate.sdk;

import org.jetbrains.annotations.Nullable;

/**
 * 422: this {@code Idempotency-Key} was already used for a different payment (another amount,
 * card or currency). This is the caller's bug: a key must be unique per payment, such as an order
 * id or a random UUID, never reused for the next one. Nothing was charged for this request, and
 * retrying it with the same key can never succeed. Not retried by the client.
 */
public class IdempotencyKeyReusedException extends IdempotencyConflictException {
  public IdempotencyKeyReusedException(String message, int httpStatus, @Nullable String requestId,
      @Nullable String idempotencyKey) {
    super(message, httpStatus, requestId, idempotencyKey);
  }
}
