package io.paygate.sdk;

import java.time.Duration;
import java.time.Instant;
import org.jetbrains.annotations.Nullable;

/** A token pair from {@code /login} or {@code /token/refresh}. Never logged, never in toString. */
final class Tokens {
  final String accessToken;
  final @Nullable Instant expires;
  final @Nullable String refreshToken;
  final @Nullable Instant refreshExpires;

  Tokens(String accessToken, @Nullable Instant expires, @Nullable String refreshToken,
      @Nullable Instant refreshExpires) {
    this.accessToken = accessToken;
    this.expires = expires;
    this.refreshToken = refreshToken;
    this.refreshExpires = refreshExpires;
  }

  /**
   * True if the access token expires within {@code margin} of {@code now}. Without an expiry we
   * cannot know, so it counts as fresh and a 401 will tell.
   */
  boolean accessExpiresWithin(Duration margin, Instant now) {
    return expires != null && !now.plus(margin).isBefore(expires);
  }

  /** True if the refresh token is known to have expired, so that presenting it would be a waste. */
  boolean refreshExpired(Instant now) {
    return refreshToken == null || (refreshExpires != null && !now.isBefore(refreshExpires));
  }

  @Override public String toString() {
    return "Tokens{expires=" + expires + ", refreshExpires=" + refreshExpires + "}";
  }
}
