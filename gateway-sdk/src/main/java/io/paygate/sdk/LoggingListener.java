package io.paygate.sdk;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes one line per event to a {@link System.Logger}; see {@link PaygateListener#logging()}. */
final class LoggingListener implements PaygateListener {
  private final System.Logger logger;
  private final System.Logger.Level level;

  LoggingListener(System.Logger logger, System.Logger.Level level) {
    this.logger = logger;
    this.level = level;
  }

  @Override public void requestSent(RequestEvent request) {
    if (!logger.isLoggable(level)) return;
    logger.log(level, "--> " + request.method() + " " + request.url() + " (attempt "
        + request.attempt() + ") " + headers(request.headers()) + body(request.body()));
  }

  @Override public void responseReceived(ResponseEvent response) {
    if (!logger.isLoggable(level)) return;
    RequestEvent request = response.request();
    logger.log(level, "<-- " + response.code() + " " + request.method() + " " + request.url()
        + " (" + response.duration().toMillis() + " ms) " + headers(response.headers())
        + body(response.body()));
  }

  @Override public void requestFailed(RequestEvent request, IOException failure) {
    if (!logger.isLoggable(level)) return;
    logger.log(level, "<-- FAILED " + request.method() + " " + request.url() + ": " + failure);
  }

  @Override public void retryScheduled(RetryEvent retry) {
    if (!logger.isLoggable(level)) return;
    logger.log(level, "retry " + retry);
  }

  private static String headers(Map<String, List<String>> headers) {
    StringBuilder result = new StringBuilder("[");
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        if (result.length() > 1) result.append(", ");
        result.append(header.getKey()).append(": ").append(value);
      }
    }
    return result.append("]").toString();
  }

  private static String body(String body) {
    return body == null || body.isEmpty() ? "" : " " + body;
  }
}
