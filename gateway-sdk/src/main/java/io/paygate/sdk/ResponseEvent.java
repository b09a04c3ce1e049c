package io.paygate.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jetbrains.annotations.Nullable;

/** An answer of the gateway, with its secrets redacted. */
public final class ResponseEvent {
  private final RequestEvent request;
  private final int code;
  private final Duration duration;
  private final Map<String, List<String>> headers;
  private final @Nullable String body;

  ResponseEvent(RequestEvent request, int code, Duration duration,
      Map<String, List<String>> headers, @Nullable String body) {
    this.request = request;
    this.code = code;
    this.duration = duration;
    this.headers = headers;
    this.body = body;
  }

  /** The request this answers. */
  public RequestEvent request() {
    return request;
  }

  /** The HTTP status code. */
  public int code() {
    return code;
  }

  /** From sending the request to receiving the answer's headers. */
  public Duration duration() {
    return duration;
  }

  /** The {@code X-Request-Id} of the answer, or null. */
  public @Nullable String requestId() {
    List<String> values = headers.get("X-Request-Id");
    if (values == null) {
      for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
        if (entry.getKey().equalsIgnoreCase("X-Request-Id")) values = entry.getValue();
      }
    }
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The JSON body with secrets replaced; null if empty or too large to show. */
  public @Nullable String body() {
    return body;
  }

  @Override public String toString() {
    return code + " for " + request;
  }
}
