package io.paygate.sdk;

import java.time.Duration;
import org.jetbrains.annotations.Nullable;

/**
 * The gateway refused the request because too many came (429), and still did after the client
 * waited as long as it was told ({@code Retry-After}) for every retry it was allowed. Nothing was
 * charged by the refused request.
 */
public class RateLimitedException extends PaygateException {
  private final @Nullable Duration retryAfter;

  public RateLimitedException(String message, int httpStatus, @Nullable String requestId,
      @Nullable String idempotencyKey, @Nullable Duration retryAfter) {
    super(message, httpStatus, requestId, idempotencyKey, null);
    this.retryAfter = retryAfter;
  }

  /** How long the gateway asked to wait before the next request, if it said. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
