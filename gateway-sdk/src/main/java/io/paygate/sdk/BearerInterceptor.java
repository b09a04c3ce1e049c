package io.paygate.sdk;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Puts a valid access token on every API request, logging in or refreshing first if needed. */
final class BearerInterceptor implements Interceptor {
  private final TokenManager tokens;

  BearerInterceptor(TokenManager tokens) {
    this.tokens = tokens;
  }

  @Override public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String token = tokens.accessToken(Attempt.of(request));
    return chain.proceed(request.newBuilder().header("Authorization", "Bearer " + token).build());
  }
}
