package io.paygate.sdk;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from resending a request on its own. With {@code retryOnConnectionFailure} off,
 * one path is left: OkHttp repeats a request answered {@code 503} with {@code Retry-After: 0}, out
 * of sight of the retry policy and its count. A zero hint says nothing a backoff does not, so it is
 * dropped here, before OkHttp looks, and the 503 goes to {@link Transport} like any other.
 */
final class NoSilentRetryInterceptor implements Interceptor {
  @Override public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() == 503 && response.header("Retry-After") != null
        && response.header("Retry-After").trim().equals("0")) {
      return response.newBuilder().removeHeader("Retry-After").build();
    }
    return response;
  }
}
