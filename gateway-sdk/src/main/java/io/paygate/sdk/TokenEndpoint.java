package io.paygate.sdk;

import com.squareup.moshi.JsonDataException;
import io.paygate.sdk.internal.Deadline;
import java.io.IOException;
import java.time.Clock;
import okhttp3.HttpUrl;

/**
 * {@code POST /login} and {@code POST /token/refresh}, one attempt each. These go through a client
 * without the bearer interceptor and the authenticator: getting a token must never need a token.
 * Retrying is left to the operation that needed the token.
 */
final class TokenEndpoint {
  private final Sender sender;
  private final HttpUrl loginUrl;
  private final HttpUrl refreshUrl;
  private final Clock clock;

  TokenEndpoint(Sender sender, HttpUrl baseUrl, Clock clock) {
    this.sender = sender;
    this.loginUrl = baseUrl.resolve("login");
    this.refreshUrl = baseUrl.resolve("token/refresh");
    this.clock = clock;
  }

  Tokens login(String login, String password, Deadline deadline, int attempt) throws IOException {
    ApiRequest request = ApiRequest.post(loginUrl, WireJson.login(login, password), null);
    ApiResponse response = sender.send(request, deadline, attempt);
    if (response.code == 401) {
      throw new TokenFailure(new AuthenticationException(
          "POST /login: the gateway rejected the login or the password (HTTP 401"
              + requestIdSuffix(response) + ")", 401, response.requestId(), null));
    }
    return tokens(request, response, attempt);
  }

  /** Throws a {@link TokenFailure} around an {@link AuthenticationException} if the token is refused. */
  Tokens refresh(String refreshToken, Deadline deadline, int attempt) throws IOException {
    ApiRequest request = ApiRequest.post(refreshUrl, WireJson.refresh(refreshToken), null);
    ApiResponse response = sender.send(request, deadline, attempt);
    if (response.code == 401) {
      throw new TokenFailure(new AuthenticationException(
          "POST /token/refresh: the gateway rejected the refresh token (HTTP 401"
              + requestIdSuffix(response) + ")", 401, response.requestId(), null));
    }
    return tokens(request, response, attempt);
  }

  private Tokens tokens(ApiRequest request, ApiResponse response, int attempt) throws IOException {
    if (!response.isSuccessful()) {
      throw new TokenFailure(ErrorMapper.fromResponse(request, response, attempt, clock));
    }
    try {
      return WireJson.tokens(response.body);
    } catch (IOException | JsonDataException e) {
      throw new TokenFailure(new PaygateException(request.description()
          + ": unreadable answer from the gateway (" + e.getMessage() + ")", response.code,
          response.requestId(), null, e));
    }
  }

  private static String requestIdSuffix(ApiResponse response) {
    return response.requestId() != null ? ", request id " + response.requestId() : "";
  }
}
