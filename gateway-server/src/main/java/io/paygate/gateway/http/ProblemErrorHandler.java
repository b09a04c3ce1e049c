package io.paygate.gateway.http;

import io.paygate.gateway.metrics.ProblemMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Jersey (a malformed request line, a header too
 * large) are problem+json too, and never carry a stack trace.
 */
public final class ProblemErrorHandler extends ErrorHandler {
  private final ProblemMetrics metrics;

  public ProblemErrorHandler(ProblemMetrics metrics) {
    this.metrics = metrics;
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() > 0 ? response.getStatus() : 500;
    Object attr = request.getAttribute(ErrorHandler.ERROR_STATUS);
    if (attr instanceof Integer) {
      status = (Integer) attr;
    }
    String title = HttpStatus.getMessage(status);
    String type = status == 413 ? "payload-too-large" : status >= 500 ? "internal-error" : "bad-request";
    String body = body(status, type, title, title);
    // Jetty answers these before any route is matched.
    metrics.answered(ProblemMetrics.UNMATCHED, request.getMethod(), status, type);
    response.setStatus(status);
    SecurityHeaders.addTo(response.getHeaders(), request.isSecure());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  /** A problem+json body; the texts are ours, never the request's, so nothing needs escaping. */
  static String body(int status, String type, String title, String detail) {
    return "{\"type\":\"https://paygate.dev/problems/" + type + "\",\"title\":\"" + title
        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
  }
}
