package io.paygate.sdk;

import java.io.IOException;
import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jetbrains.annotations.Nullable;

/**
 * Answers a 401 by retrying once with a new access token, the way OkHttp's {@code Authenticate}
 * recipe does. It gives up, and lets the 401 through as an {@link AuthenticationException}, when
 * the refused request already carried a token obtained for this very call: the credentials are
 * then wrong, not stale, and asking again would loop.
 */
final class TokenAuthenticator implements Authenticator {
  private final TokenManager tokens;

  TokenAuthenticator(TokenManager tokens) {
    this.tokens = tokens;
  }

  @Override public @Nullable Request authenticate(@Nullable Route route, Response response)
      throws IOException {
    Request refused = response.request();
    String header = refused.header("Authorization");
    if (header == null || !header.startsWith("Bearer ")) return null; // not our credential
    if (response.priorResponse() != null) return null; // already retried with a fresh token
    String fresh;
    try {
      fresh = tokens.afterUnauthorized(header.substring("Bearer ".length()), Attempt.of(refused));
    } catch (IOException | RuntimeException e) {
      response.close(); // OkHttp closes it only when we return a request
      throw e;
    }
    return refused.newBuilder().header("Authorization", "Bearer " + fresh).build();
  }
}
