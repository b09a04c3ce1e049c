package io.paygate.sdk;

import org.jetbrains.annotations.Nullable;

/**
 * The {@code Idempotency-Key} is in conflict. The gateway throws one of two subclasses, which call
 * for opposite reactions:
 *
 * <ul>
 *   <li>{@link IdempotencyKeyInUseException} (409): the first request with this key is still being
 *       processed, and stayed so through every retry. Nothing is wrong: ask again later with the
 *       same key.
 *   <li>{@link IdempotencyKeyReusedException} (422): the key was already used for a different
 *       payment. A key must be unique per payment, so this is a bug in how keys are chosen;
 *       retrying cannot help.
 * </ul>
 *
 * Catch this class to handle both alike, or a subclass for one of them.
 */
public class IdempotencyConflictException extends PaygateException {
  public IdempotencyConflictException(String message, int httpStatus, @Nullable String requestId,
      @Nullable String idempotencyKey) {
    super(message, httpStatus, requestId, idempotencyKey, null);
  }

  /**
   * True if the same request with the same key may succeed later (the key is in use by a request
   * in flight); false if it never will (the key was used for another payment).
   */
  public boolean isRetryable() {
    return false;
  }
}
