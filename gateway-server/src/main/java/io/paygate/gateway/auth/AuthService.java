package io.paygate.gateway.auth;

import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.config.TokenLifetimes;
import io.paygate.gateway.core.Ids;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.db.TokenRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.limits.LoginThrottle;
import io.paygate.gateway.metrics.AuthMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Logins, refresh-token rotation and logout. Every failure answers with one generic message, so a
 * caller cannot learn whether a login exists or is locked; every failure costs one bcrypt check,
 * so the time does not tell either.
 */
public final class AuthService {
  static final String BAD_LOGIN = "the login or the password is wrong";
  static final String BAD_REFRESH = "the refresh token is invalid, expired or already used;"
      + " log in again";

  private final MerchantRepository merchants;
  private final TokenRepository tokens;
  private final PasswordHasher hasher;
  private final TokenService accessTokens;
  private final RevokedSessions revoked;
  private final AuditLog audit;
  private final TokenLifetimes lifetimes;
  private final Clock clock;
  private final Lockout lockout;
  private final LoginThrottle throttle;
  private final AuthMetrics metrics;

  public AuthService(MerchantRepository merchants, TokenRepository tokens, PasswordHasher hasher,
      TokenService accessTokens, RevokedSessions revoked, AuditLog audit, TokenLifetimes lifetimes,
      Clock clock, Lockout lockout, LoginThrottle throttle, AuthMetrics metrics) {
    this.merchants = merchants;
    this.tokens = tokens;
    this.hasher = hasher;
    this.accessTokens = accessTokens;
    this.revoked = revoked;
    this.audit = audit;
    this.lifetimes = lifetimes;
    this.clock = clock;
    this.lockout = lockout;
    this.throttle = throttle;
    this.metrics = metrics;
  }

  /**
   * Checks a login and password and starts a session.
   *
   * @param clientAddress the address the attempt came from, throttled on its own: passed by the
   *     caller, not read from the logging context, where an empty context would put every client
   *     in one bucket
   * @throws ApiException 401 with one message for every kind of failure (unknown login, wrong
   *     password, locked account); 429 when the login or the address tried too often
   */
  public TokenPair login(String login, String password, String clientAddress) {
    throttle.check(login, Objects.requireNonNull(clientAddress, "clientAddress == null"));
    Optional<Merchant> merchant = merchants.findByLogin(login);
    UUID id = merchant.map(Merchant::id).orElse(null);
    boolean locked = id != null && lockout.isLocked(id);
    // Check a hash even for an unknown login or a locked account: every failure takes one bcrypt.
    boolean ok = hasher.matches(password, merchant.map(Merchant::passwordHash).orElse(null));
    if (locked) {
      audit.record("login", "locked", id, null, "account locked; password not considered");
      metrics.refusedLocked();
      throw ApiException.unauthorized(BAD_LOGIN);
    }
    if (merchant.isPresent() && merchant.get().disabled()) {
      // The same answer as any failure: only the operator learns why (audit), not a guesser.
      audit.record("login", "disabled", id, null, "merchant disabled by the operator");
      throw ApiException.unauthorized(BAD_LOGIN);
    }
    if (!ok) {
      audit.record("login", "failure", id, null, id != null ? "wrong password" : "unknown login");
      metrics.failed();
      if (id != null && lockout.recordFailure(id)) {
        audit.record("login.lockout", "locked", id, null, "too many failed logins in a row");
        metrics.lockedOut();
      }
      throw ApiException.unauthorized(BAD_LOGIN);
    }
    UUID merchantId = merchant.get().id();
    lockout.clear(merchantId);
    UUID familyId = Ids.newId();
    tokens.createFamily(familyId, merchantId, clock.instant());
    audit.record("login", "success", merchantId, null, null);
    metrics.succeeded();
    return issue(merchantId, familyId);
  }

  /**
   * Exchanges a refresh token for a new pair. The token presented is used up; presenting a used
   * one again means it was stolen or leaked, so its whole family is revoked.
   */
  public TokenPair refresh(String refreshToken) {
    if (!RefreshTokens.looksValid(refreshToken)) {
      throw ApiException.unauthorized(BAD_REFRESH);
    }
    String hash = RefreshTokens.hash(refreshToken);
    TokenRepository.RefreshToken stored = tokens.find(hash)
        .orElseThrow(() -> ApiException.unauthorized(BAD_REFRESH));
    Instant now = clock.instant();
    if (stored.familyRevokedAt() != null || !stored.expiresAt().isAfter(now)) {
      audit.record("token.refresh", "failure", stored.merchantId(), null, "revoked or expired");
      throw ApiException.unauthorized(BAD_REFRESH);
    }
    if (stored.usedAt() != null || !tokens.markUsed(hash, now)) {
      revoke(stored.familyId());
      audit.record("token.reuse", "revoked", stored.merchantId(), null,
          "a used refresh token was presented; session " + stored.familyId() + " revoked");
      throw ApiException.unauthorized(BAD_REFRESH);
    }
    audit.record("token.refresh", "success", stored.merchantId(), null, null);
    return issue(stored.merchantId(), stored.familyId());
  }

  /** Ends the session of a refresh token: it and the access tokens issued with it stop working. */
  public void logout(String refreshToken) {
    if (!RefreshTokens.looksValid(refreshToken)) {
      throw ApiException.unauthorized(BAD_REFRESH);
    }
    TokenRepository.RefreshToken stored = tokens.find(RefreshTokens.hash(refreshToken))
        .orElseThrow(() -> ApiException.unauthorized(BAD_REFRESH));
    revoke(stored.familyId());
    audit.record("logout", "success", stored.merchantId(), null, null);
  }

  private void revoke(UUID familyId) {
    tokens.revokeFamily(familyId, clock.instant());
    revoked.revoke(familyId);
  }

  private TokenPair issue(UUID merchantId, UUID familyId) {
    TokenService.Issued access = accessTokens.issue(merchantId, familyId);
    String refresh = RefreshTokens.newToken();
    Instant refreshExpires = clock.instant().plus(lifetimes.refresh());
    tokens.insert(RefreshTokens.hash(refresh), familyId, refreshExpires);
    return new TokenPair(access.token(), access.expiresAt(), refresh, refreshExpires);
  }
}
