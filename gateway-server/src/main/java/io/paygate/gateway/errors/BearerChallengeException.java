package io.paygate.gateway.errors;

import java.util.Map;

/**
 * A request to a resource protected by a bearer token (a merchant's access token, the operator
 * key) that is refused for its credential. The answer carries the RFC 6750 (section 3) challenge
 * in {@code WWW-Authenticate}: {@code Bearer} alone when no token was presented, with
 * {@code error="invalid_token"} when the token presented is wrong, expired or revoked, and with
 * {@code error="insufficient_scope"} on a 403 for a valid token of the wrong kind.
 */
public final class BearerChallengeException extends ApiException {
  private static final long serialVersionUID = 1L;
  public static final String HEADER = "WWW-Authenticate";

  private final String challenge;

  private BearerChallengeException(int status, String type, String title, String detail,
      String challenge) {
    super(status, type, title, detail);
    this.challenge = challenge;
  }

  /** 401: no bearer token was presented. */
  public static BearerChallengeException missingToken(String detail) {
    return new BearerChallengeException(401, "unauthorized", "Unauthorized", detail, "Bearer");
  }

  /** 401: the token presented is not valid here (wrong, expired, revoked, of a gone merchant). */
  public static BearerChallengeException invalidToken(String detail) {
    return new BearerChallengeException(401, "unauthorized", "Unauthorized", detail,
        "Bearer error=\"invalid_token\"");
  }

  /** 403: a valid token that does not grant this resource (a merchant's, on an operator route). */
  public static BearerChallengeException insufficientScope(String detail) {
    return new BearerChallengeException(403, "forbidden", "Forbidden", detail,
        "Bearer error=\"insufficient_scope\"");
  }

  @Override
  public Map<String, String> headers() {
    return Map.of(HEADER, challenge);
  }
}
