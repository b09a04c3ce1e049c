package io.paygate.gateway.auth;

import io.paygate.gateway.errors.BearerChallengeException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Admits requests that carry the operator key. A merchant's valid token is a credential of the
 * wrong kind (403); anything else is no credential (401).
 */
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public final class OperatorAuthFilter implements ContainerRequestFilter {
  private final byte[] operatorKey;
  private final TokenService tokens;

  public OperatorAuthFilter(String operatorKey, TokenService tokens) {
    this.operatorKey = operatorKey.getBytes(StandardCharsets.UTF_8);
    this.tokens = tokens;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String bearer = BearerTokens.of(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (bearer == null) {
      throw BearerChallengeException.missingToken(
          "the operator key is required: Authorization: Bearer <key>");
    }
    // Constant time, so the key cannot be guessed one character at a time.
    if (MessageDigest.isEqual(operatorKey, bearer.getBytes(StandardCharsets.UTF_8))) {
      return;
    }
    if (tokens.verify(bearer).isPresent()) {
      throw BearerChallengeException.insufficientScope(
          "this endpoint is for the operator; a merchant token is not accepted here");
    }
    throw BearerChallengeException.invalidToken("the operator key is wrong");
  }
}
