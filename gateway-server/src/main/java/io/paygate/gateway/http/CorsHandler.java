package io.paygate.gateway.http;

import io.paygate.gateway.api.ProblemJson;
import io.paygate.gateway.metrics.ProblemMetrics;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * CORS for the configured browser origins only (setting {@code cors.allowed.origins}, none by
 * default). An allowed origin gets the CORS headers on its preflight and on its requests; any
 * other origin gets none, so browsers keep the answer from its scripts, and its preflight is
 * refused with a 403. Requests without an {@code Origin} header (servers, curl) are untouched.
 */
public final class CorsHandler extends Handler.Wrapper {
  static final String ALLOWED_METHODS = "GET, POST";
  static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-Id";
  static final String EXPOSED_HEADERS =
      "Link, Location, Retry-After, X-Request-Id, Idempotent-Replayed, Server-Timing,"
          + " WWW-Authenticate";

  private final Set<String> origins;
  private final ProblemMetrics metrics;

  public CorsHandler(List<String> allowedOrigins, ProblemMetrics metrics, Handler handler) {
    super(handler);
    this.metrics = metrics;
    this.origins = Set.copyOf(allowedOrigins);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin == null) {
      return super.handle(request, response, callback);
    }
    response.getHeaders().add(HttpHeader.VARY, "Origin");
    boolean allowed = origins.contains(origin);
    boolean preflight = HttpMethod.OPTIONS.is(request.getMethod())
        && request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null;
    if (preflight) {
      if (allowed) {
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
        response.setStatus(204);
        callback.succeeded();
      } else {
        byte[] body = ProblemErrorHandler.json(new ProblemJson(403, "forbidden", "Forbidden",
            "this origin is not allowed to call the API from a browser",
            response.getHeaders().get(RequestContextHandler.REQUEST_ID), null));
        response.setStatus(403);
        // A preflight is answered here, before any route is matched.
        metrics.answered(ProblemMetrics.UNMATCHED, request.getMethod(), 403, "forbidden");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemJson.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body), callback);
      }
      return true;
    }
    if (allowed) {
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
    }
    return super.handle(request, response, callback);
  }
}
