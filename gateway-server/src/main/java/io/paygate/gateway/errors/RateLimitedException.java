package io.paygate.gateway.errors;

import java.util.Map;

/** 429: the caller made too many requests; {@link #retryAfterSeconds()} goes in Retry-After. */
public final class RateLimitedException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public RateLimitedException(String detail, long retryAfterSeconds) {
    super(429, "rate-limited", "Too many requests", detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", String.valueOf(retryAfterSeconds));
  }

  /** Seconds until a retry can succeed. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
