package io.paygate.gateway.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Security headers on every answer, errors included (OWASP API8, the OWASP Secure Headers
 * project): no MIME sniffing, no caching of API answers (tokens, payments), no framing, no
 * referrer, nothing a browser may load from an answer, and HSTS when the connection is TLS.
 * Set before the request is handled, so they are there whoever answers; {@link
 * ProblemErrorHandler} sets them again for errors Jetty answers on its own.
 */
public final class SecurityHeaders extends Handler.Wrapper {
  static final String HSTS = "max-age=31536000; includeSubDomains";

  public SecurityHeaders(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    addTo(response.getHeaders(), request.isSecure());
    return super.handle(request, response, callback);
  }

  /** Puts the headers, replacing any of the same name. */
  static void addTo(HttpFields.Mutable headers, boolean secure) {
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Cache-Control", "no-store");
    headers.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Frame-Options", "DENY");
    if (secure) {
      headers.put("Strict-Transport-Security", HSTS);
    }
  }
}
