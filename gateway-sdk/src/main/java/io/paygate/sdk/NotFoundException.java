package io.paygate.sdk;

import org.jetbrains.annotations.Nullable;

/**
 * No such resource (404). A payment of another merchant is also not found: the gateway does not tell the two apart.
 */
public class NotFoundException extends PaygateException {
  public NotFoundException(String message, int httpStatus, @Nullable String requestId,
      @Nullable String idempotencyKey) {
    super(message, httpStatus, requestId, idempotencyKey, null);
  }
}
