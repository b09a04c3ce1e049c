package io.paygate.sdk;

import org.jetbrains.annotations.Nullable;

/**
 * The gateway refused the credentials (401): a wrong login or password, or a refresh token that is no longer valid and no password to log in again with. Never retried: retrying cannot fix a credential.
 */
public class AuthenticationException extends PaygateException {
  public AuthenticationException(String message, int httpStatus, @Nullable String requestId,
      @Nullable String idempotencyKey) {
    super(message, httpStatus, requestId, idempotencyKey, null);
  }
}
