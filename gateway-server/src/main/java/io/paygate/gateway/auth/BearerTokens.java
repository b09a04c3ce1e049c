package io.paygate.gateway.auth;

/** Reads {@code Authorization: Bearer <token>}. */
final class BearerTokens {
  private BearerTokens() {}

  /** The bearer token of an {@code Authorization} header value, or null when there is none. */
  static String of(String header) {
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
