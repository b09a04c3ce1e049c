package io.paygate.gateway.auth;

import io.paygate.gateway.db.LoginAttemptRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * PCI DSS 8.3.4: after {@code maxFailures} failed logins in a row an account is locked for
 * {@code duration}. Counted per account, not per address, so spreading guesses over many
 * addresses does not help; kept in the database, so a restart does not unlock.
 */
public final class Lockout {
  private final LoginAttemptRepository attempts;
  private final int maxFailures;
  private final Duration duration;
  private final Clock clock;

  public Lockout(LoginAttemptRepository attempts, int maxFailures, Duration duration, Clock clock) {
    this.attempts = attempts;
    this.maxFailures = maxFailures;
    this.duration = duration;
    this.clock = clock;
  }

  /** Whether the account is locked now. */
  public boolean isLocked(UUID merchantId) {
    return attempts.lockedUntil(merchantId).map(until -> until.isAfter(clock.instant()))
        .orElse(false);
  }

  /** Counts a failed login; returns whether it locked the account. */
  public boolean recordFailure(UUID merchantId) {
    return attempts.recordFailure(merchantId, maxFailures, clock.instant().plus(duration));
  }

  /** A successful login starts the count again. */
  public void clear(UUID merchantId) {
    attempts.clear(merchantId);
  }
}
