package io.paygate.gateway.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 429: the caller made too many requests; {@link #retryAfterSeconds()} goes in Retry-After, and,
 * when the limit is known, the RateLimit headers of the IETF draft (httpapi-ratelimit-headers):
 * the limit of the window, nothing remaining, and when a request can succeed again.
 */
public final class RateLimitedException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;
  private final long limit;

  public RateLimitedException(String detail, long retryAfterSeconds) {
    this(detail, retryAfterSeconds, 0);
  }

  /** @param limit the requests the window allows (this node's share); 0 when not told */
  public RateLimitedException(String detail, long retryAfterSeconds, long limit) {
    super(429, "rate-limited", "Too many requests", detail);
    this.retryAfterSeconds = retryAfterSeconds;
    this.limit = limit;
  }

  @Override
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Retry-After", String.valueOf(retryAfterSeconds));
    if (limit > 0) {
      headers.put("RateLimit-Limit", String.valueOf(limit));
      headers.put("RateLimit-Remaining", "0");
      headers.put("RateLimit-Reset", String.valueOf(retryAfterSeconds));
    }
    return headers;
  }

  /** Seconds until a retry can succeed. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
