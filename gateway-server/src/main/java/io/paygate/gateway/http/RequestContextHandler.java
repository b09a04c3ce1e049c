package io.paygate.gateway.http;

import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Gives every request an id (the client's {@code X-Request-Id} when it is well formed, else a new
 * one), echoes it in the answer, and puts it and the caller's address in the logging context, so
 * that log lines, audit rows and error bodies of one request can be matched. Writes the
 * request's {@link AccessLog} line when the answer is complete.
 */
public final class RequestContextHandler extends Handler.Wrapper {
  public static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public RequestContextHandler(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String id = requestIdOf(request);
    response.getHeaders().put(REQUEST_ID, id);
    MDC.put("requestId", id);
    MDC.put("origin", Request.getRemoteAddr(request));
    AccessLog.Exchange exchange = AccessLog.begin(request.getMethod(), id);
    // The access log's line is written when the answer is complete, whoever completes it.
    Callback logged = new Callback.Nested(callback) {
      @Override
      public void succeeded() {
        AccessLog.write(exchange, response.getStatus());
        super.succeeded();
      }

      @Override
      public void failed(Throwable x) {
        // Jetty's error handler answers after this: with the exception's status, or 500.
        AccessLog.write(exchange, x instanceof HttpException e ? e.getCode() : 500);
        super.failed(x);
      }
    };
    try {
      boolean handled = super.handle(request, response, logged);
      if (!handled) {
        AccessLog.write(exchange, 404); // Jetty answers what no handler took with 404
      }
      return handled;
    } catch (Throwable t) {
      AccessLog.write(exchange, t instanceof HttpException e ? e.getCode() : 500);
      throw t;
    } finally {
      AccessLog.leave(exchange);
      MDC.clear();
    }
  }

  /** The client's {@code X-Request-Id} when it is well formed, else a new one. */
  static String requestIdOf(Request request) {
    String id = request.getHeaders() == null ? null : request.getHeaders().get(REQUEST_ID);
    return id != null && CLIENT_ID.matcher(id).matches() ? id : UUID.randomUUID().toString();
  }
}
