package io.paygate.gateway.http;

import io.paygate.gateway.api.ProblemJson;
import io.paygate.gateway.metrics.ProblemMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers on its own, before or around the handlers (a malformed request line or
 * URI such as {@code %01}, a bad header, a URI or headers too large, a server that is stopping),
 * get what every other answer gets: an {@code X-Request-Id}, the security headers, and a
 * problem+json body with the {@code requestId}. Never a stack trace, and never Jetty's message,
 * which may quote the request.
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
    // The id the handlers gave this request when it reached them, else the client's, else new.
    String id = response.getHeaders().get(RequestContextHandler.REQUEST_ID);
    if (id == null) {
      id = RequestContextHandler.requestIdOf(request);
    }
    ProblemJson problem = problem(status, id);
    byte[] body = json(problem);
    // Jetty answers these before any route is matched.
    metrics.answered(ProblemMetrics.UNMATCHED, request.getMethod(), status, problem.type());
    response.setStatus(status);
    response.getHeaders().put(RequestContextHandler.REQUEST_ID, id);
    SecurityHeaders.addTo(response.getHeaders(), request.isSecure());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemJson.MEDIA_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /** The problem for a status Jetty answers itself; the texts are ours, never the request's. */
  static ProblemJson problem(int status, String requestId) {
    String title = HttpStatus.getMessage(status);
    String type;
    String detail;
    switch (status) {
      case 413 -> {
        type = "payload-too-large";
        detail = "the request body is too large";
      }
      case 414 -> {
        type = "bad-request";
        detail = "the request URI is too long";
      }
      case 431 -> {
        type = "bad-request";
        detail = "the request headers are too large";
      }
      case 503 -> {
        type = "unavailable";
        detail = "the gateway is not taking requests now (it may be stopping); retry shortly";
      }
      default -> {
        if (status >= 500) {
          type = "internal-error";
          detail = "the gateway failed to process the request; quote the request id to the"
              + " operator";
        } else {
          type = "bad-request";
          detail = "the request is malformed: its request line, URI, headers or body framing"
              + " cannot be read";
        }
      }
    }
    return new ProblemJson(status, type, title, detail, requestId, null);
  }

  static byte[] json(ProblemJson problem) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      problem.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }
}
