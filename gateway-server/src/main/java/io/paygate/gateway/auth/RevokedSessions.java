package io.paygate.gateway.auth;

import io.paygate.gateway.db.SessionNotices;
import io.paygate.gateway.db.TokenRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions (token families) revoked by logout or refresh-token reuse, kept in memory so that
 * checking an access token costs no database read. Loaded at start-up from the families revoked
 * within one access-token lifetime; older ones cannot have a live access token.
 *
 * <p>With several gateway nodes on one PostgreSQL, a revocation made here is announced to the
 * others ({@link SessionNotices}), and {@link SessionSync} here reads those made elsewhere: at once
 * on a notice, and by polling {@link #refresh} in any case.
 */
public final class RevokedSessions {
  /**
   * How far back each refresh looks before the previous one: covers a revocation committed a
   * little after its {@code revoked_at}, and clocks of other nodes that are somewhat behind.
   */
  static final Duration OVERLAP = Duration.ofSeconds(30);

  private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();
  private final TokenRepository tokens;
  private final SessionNotices notices;
  private final Duration accessTtl;
  private final Clock clock;
  private volatile Instant lastRefresh;

  public RevokedSessions(TokenRepository tokens, Duration accessTtl, Clock clock,
      SessionNotices notices) {
    this.tokens = tokens;
    this.notices = notices;
    this.accessTtl = accessTtl;
    this.clock = clock;
    Instant now = clock.instant();
    for (UUID id : tokens.revokedSince(horizon(now))) {
      revoked.put(id, now);
    }
    lastRefresh = now;
  }

  /** Revokes a session here and tells the other nodes; its database row is already revoked. */
  public void revoke(UUID sessionId) {
    revokeAll(List.of(sessionId));
  }

  /** As {@link #revoke}, for several sessions with one notice. */
  public void revokeAll(Collection<UUID> sessionIds) {
    if (sessionIds.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    sessionIds.forEach(id -> revoked.put(id, now));
    forgetExpired(now);
    notices.announce();
  }

  /** Reads the sessions revoked (on any node) since the previous refresh. */
  public void refresh() {
    Instant now = clock.instant();
    Instant since = lastRefresh.minus(OVERLAP);
    for (UUID id : tokens.revokedSince(since)) {
      revoked.putIfAbsent(id, now);
    }
    lastRefresh = now;
    forgetExpired(now);
  }

  public boolean isRevoked(UUID sessionId) {
    return revoked.containsKey(sessionId);
  }

  /** Forgets revocations whose access tokens have all expired. */
  private void forgetExpired(Instant now) {
    Instant horizon = horizon(now);
    revoked.values().removeIf(at -> at.isBefore(horizon));
  }

  private Instant horizon(Instant now) {
    return now.minus(accessTtl).minusSeconds(60);
  }
}
