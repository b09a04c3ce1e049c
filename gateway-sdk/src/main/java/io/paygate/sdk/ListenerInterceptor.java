package io.paygate.sdk;

import io.paygate.sdk.internal.Redactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Tells the {@link PaygateListener} about every request on the wire, redacted. A network
 * interceptor, so that it sees what is really sent: the token the authenticator put on a retried
 * 401, the headers OkHttp adds, each attempt.
 */
final class ListenerInterceptor implements Interceptor {
  /** Bodies past this size are not shown; the SDK's own are far smaller. */
  private static final long MAX_BODY = 1024 * 1024;

  private final PaygateListener listener;

  ListenerInterceptor(PaygateListener listener) {
    this.listener = listener;
  }

  @Override public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestEvent sent = new RequestEvent(request.method(), request.url().toString(),
        Attempt.of(request).number, headers(request.headers()), requestBody(request));
    listener.requestSent(sent);
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      listener.requestFailed(sent, e);
      throw e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    listener.responseReceived(new ResponseEvent(sent, response.code(), took,
        headers(response.headers()), responseBody(response)));
    return response;
  }

  private static Map<String, List<String>> headers(Headers headers) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (String name : headers.names()) {
      List<String> values = headers.values(name);
      String[] redacted = new String[values.size()];
      for (int i = 0; i < redacted.length; i++) redacted[i] = Redactor.header(name, values.get(i));
      result.put(name, List.of(redacted));
    }
    return Collections.unmodifiableMap(result);
  }

  private static String requestBody(Request request) throws IOException {
    if (request.body() == null) return null;
    Buffer buffer = new Buffer();
    request.body().writeTo(buffer);
    return Redactor.json(buffer.readUtf8());
  }

  private static String responseBody(Response response) {
    try {
      // peekBody leaves the body in place for the caller.
      byte[] bytes = response.peekBody(MAX_BODY).bytes();
      if (bytes.length == 0) return null;
      if ("gzip".equalsIgnoreCase(response.header("Content-Encoding"))) bytes = gunzip(bytes);
      return Redactor.json(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}

