package io.paygate.gateway.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A session's credentials as a login or a refresh hands them out: what {@link AuthService} returns,
 * turned into the wire's JSON at the edge.
 *
 * @param accessToken the bearer token for the API
 * @param accessExpires when the access token stops working
 * @param refreshToken the one-use token that buys the next pair
 * @param refreshExpires when the refresh token stops working
 */
public record TokenPair(String accessToken, Instant accessExpires, String refreshToken,
    Instant refreshExpires) {
  public TokenPair {
    Objects.requireNonNull(accessToken, "accessToken == null");
    Objects.requireNonNull(accessExpires, "accessExpires == null");
    Objects.requireNonNull(refreshToken, "refreshToken == null");
    Objects.requireNonNull(refreshExpires, "refreshExpires == null");
  }

  /** Without the tokens: a log line or an assertion message must not carry credentials. */
  @Override
  public String toString() {
    return "TokenPair[accessExpires=" + accessExpires + ", refreshExpires=" + refreshExpires + "]";
  }
}
