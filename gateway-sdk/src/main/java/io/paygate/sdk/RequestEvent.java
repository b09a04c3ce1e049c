package io.paygate.sdk;

import java.util.List;
import java.util.Map;
import org.jetbrains.annotations.Nullable;

/** A request as it went on the wire, with its secrets redacted. */
public final class RequestEvent {
  private final String method;
  private final String url;
  private final int attempt;
  private final Map<String, List<String>> headers;
  private final @Nullable String body;

  RequestEvent(String method, String url, int attempt, Map<String, List<String>> headers,
      @Nullable String body) {
    this.method = method;
    this.url = url;
    this.attempt = attempt;
    this.headers = headers;
    this.body = body;
  }

  public String method() {
    return method;
  }

  public String url() {
    return url;
  }

  /** 1 for the first attempt of an operation, 2 for its first retry, and so on. */
  public int attempt() {
    return attempt;
  }

  /** The headers, with credentials replaced by {@code [redacted]}. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The JSON body with secrets replaced, or null if the request had none. */
  public @Nullable String body() {
    return body;
  }

  @Override public String toString() {
    return method + " " + url + " (attempt " + attempt + ")";
  }
}
