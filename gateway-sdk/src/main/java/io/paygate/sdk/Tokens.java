package io.paygate.sdk;

import java.time.Instant;
import org.jetbrains.annotations.Nullable;

/** A token pair from {@code /login} or {@code /token/refresh}. Never logged, never in toString. */
final class Tokens {
  final String accessToken;
  final @Nullable Instant expires;
  final @Nullable String refreshToken;
  final @Nullable Instant refreshExpires;
  /** When to renew the access token, by our clock; null to renew only after a 401. */
  final @Nullable Instant renewAt;

  Tokens(String accessToken, @Nullable Instant expires, @Nullable String refreshToken,
      @Nullable Instant refreshExpires) {
    this(accessToken, expires, refreshToken, refreshExpires, expires);
  }

  private Tokens(String accessToken, @Nullable Instant expires, @Nullable String refreshToken,
      @Nullable Instant refreshExpires, @Nullable Instant renewAt) {
    this.accessToken = accessToken;
    this.expires = expires;
    this.refreshToken = refreshToken;
    this.refreshExpires = refreshExpires;
    this.renewAt = renewAt;
  }

  /**
   * Returns these tokens, to be renewed at {@code renewAt}: null to wait for the gateway's 401.
   */
  Tokens renewingAt(@Nullable Instant renewAt) {
    return new Tokens(accessToken, expires, refreshToken, refreshExpires, renewAt);
  }

  /**
   * True if the access token is due for renewal at {@code now}. Without a time to renew at we
   * cannot know, so it counts as fresh and a 401 will tell.
   */
  boolean accessDueForRenewal(Instant now) {
    return renewAt != null && !now.isBefore(renewAt);
  }

  /** True if the refresh token is known to have expired, so that presenting it would be a waste. */
  boolean refreshExpired(Instant now) {
    return refreshToken == null || (refreshExpires != null && !now.isBefore(refreshExpires));
  }

  @Override public String toString() {
    return "Tokens{expires=" + expires + ", renewAt=" + renewAt + ", refreshExpires=" + refreshExpires + "}";
  }
}
