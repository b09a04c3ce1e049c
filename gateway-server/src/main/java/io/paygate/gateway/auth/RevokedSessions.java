package io.paygate.gateway.auth;

import io.paygate.gateway.db.TokenRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions (token families) revoked by logout or refresh-token reuse, kept in memory so that
 * checking an access token costs no database read. Loaded at start-up from the families revoked
 * within one access-token lifetime; older ones cannot have a live access token.
 *
 * <p>With several gateway nodes on one PostgreSQL, a revocation reaches the other nodes only when
 * they restart; until then the access token lives at most its short lifetime there.
 */
public final class RevokedSessions {
  private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();
  private final Duration accessTtl;
  private final Clock clock;

  public RevokedSessions(TokenRepository tokens, Duration accessTtl, Clock clock) {
    this.accessTtl = accessTtl;
    this.clock = clock;
    Instant since = clock.instant().minus(accessTtl).minusSeconds(60);
    for (UUID id : tokens.revokedSince(since)) {
      revoked.put(id, clock.instant());
    }
  }

  public void revoke(UUID sessionId) {
    revoked.put(sessionId, clock.instant());
    // Forget revocations whose access tokens have all expired.
    Instant horizon = clock.instant().minus(accessTtl).minusSeconds(60);
    revoked.values().removeIf(at -> at.isBefore(horizon));
  }

  public boolean isRevoked(UUID sessionId) {
    return revoked.containsKey(sessionId);
  }
}
