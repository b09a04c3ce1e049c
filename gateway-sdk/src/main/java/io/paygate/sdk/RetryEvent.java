package io.paygate.sdk;

import java.time.Duration;
import org.jetbrains.annotations.Nullable;

/** An attempt failed in a way worth retrying, and the client will retry after {@link #delay()}. */
public final class RetryEvent {
  private final String method;
  private final String url;
  private final int failedAttempt;
  private final Duration delay;
  private final String reason;
  private final @Nullable String idempotencyKey;

  RetryEvent(String method, String url, int failedAttempt, Duration delay, String reason,
      @Nullable String idempotencyKey) {
    this.method = method;
    this.url = url;
    this.failedAttempt = failedAttempt;
    this.delay = delay;
    this.reason = reason;
    this.idempotencyKey = idempotencyKey;
  }

  public String method() {
    return method;
  }

  public String url() {
    return url;
  }

  /** The attempt that failed: 1 for the first. The retry is attempt {@code failedAttempt() + 1}. */
  public int failedAttempt() {
    return failedAttempt;
  }

  /** How long the client waits before the retry: backoff with jitter, or the server's hint. */
  public Duration delay() {
    return delay;
  }

  /** Why the attempt failed: {@code "HTTP 503"}, or the I/O error. */
  public String reason() {
    return reason;
  }

  /** The key sent with every attempt of this operation, or null for a read. */
  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }

  @Override public String toString() {
    return method + " " + url + ": attempt " + failedAttempt + " failed (" + reason
        + "), retrying in " + delay.toMillis() + " ms";
  }
}
