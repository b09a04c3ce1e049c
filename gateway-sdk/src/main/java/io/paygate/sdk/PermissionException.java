package io.paygate.sdk;

import org.jetbrains.annotations.Nullable;

/**
 * The credential is valid but may not do this (403), such as a merchant token on an operator endpoint.
 */
public class PermissionException extends PaygateException {
  public PermissionException(String message, int httpStatus, @Nullable String requestId,
      @Nullable String idempotencyKey) {
    super(message, httpStatus, requestId, idempotencyKey, null);
  }
}
