package io.paygate.sdk;

import io.paygate.sdk.internal.Deadline;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jetbrains.annotations.Nullable;

/**
 * Keeps the client's access token valid: logs in on first use, refreshes shortly before expiry
 * and after a 401, and logs in again with the password when the refresh token is refused.
 *
 * <p>However many threads need a new token at once, one request goes to the gateway: the first
 * thread to need one does the work (the leader) and the others wait for its result, each no longer
 * than its own deadline. This matters beyond politeness: the gateway rotates refresh tokens, so
 * two concurrent refreshes with the same token would make one of them fail.
 */
final class TokenManager {
  /**
   * Renew this long before expiry, so that a token never expires on its way to the gateway; or a
   * quarter of the token's life before, when that is shorter, so that a short-lived token is still
   * used for most of its life instead of being renewed on every call.
   */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

  private final TokenEndpoint endpoint;
  private final @Nullable String login;
  private final @Nullable String password;
  private final Consumer<String> refreshTokenListener;
  private final Clock clock;

  private final Object lock = new Object();
  /**
   * The current token pair; null before the first login. Written under lock; volatile so that the
   * common case, a token that is still fresh, is read without taking the lock.
   */
  private volatile @Nullable Tokens tokens;
  /** The refresh token given to the builder, used once if there are no tokens yet. Guarded by lock. */
  private @Nullable String initialRefreshToken;
  /** The renewal in progress, which every thread that needs a token joins. Guarded by lock. */
  private @Nullable CompletableFuture<Tokens> renewal;

  TokenManager(TokenEndpoint endpoint, @Nullable String login, @Nullable String password,
      @Nullable String refreshToken, Consumer<String> refreshTokenListener, Clock clock) {
    this.endpoint = endpoint;
    this.login = login;
    this.password = password;
    this.initialRefreshToken = refreshToken;
    this.refreshTokenListener = refreshTokenListener;
    this.clock = clock;
  }

  /** Returns an access token that is not about to expire, getting one if needed. */
  String accessToken(Attempt attempt) throws IOException {
    Tokens current = tokens; // immutable: a fresh one can be used without the lock
    if (current != null && !current.accessDueForRenewal(clock.instant())) {
      return current.accessToken;
    }
    CompletableFuture<Tokens> flight;
    boolean leader;
    synchronized (lock) {
      if (tokens != null && !tokens.accessDueForRenewal(clock.instant())) {
        return tokens.accessToken;
      }
      leader = renewal == null;
      if (leader) renewal = new CompletableFuture<>();
      flight = renewal;
    }
    return (leader ? renew(flight, attempt) : await(flight, attempt)).accessToken;
  }

  /**
   * Returns the token to retry with after the gateway refused {@code rejected}: a token someone
   * else got meanwhile, or a new one.
   */
  String afterUnauthorized(String rejected, Attempt attempt) throws IOException {
    CompletableFuture<Tokens> flight;
    boolean leader;
    synchronized (lock) {
      if (tokens != null && !tokens.accessToken.equals(rejected)) return tokens.accessToken;
      leader = renewal == null;
      if (leader) renewal = new CompletableFuture<>();
      flight = renewal;
    }
    return (leader ? renew(flight, attempt) : await(flight, attempt)).accessToken;
  }

  private Tokens renew(CompletableFuture<Tokens> flight, Attempt attempt) throws IOException {
    Tokens fresh;
    try {
      fresh = withRenewalTime(obtain(attempt));
    } catch (IOException | RuntimeException | Error e) {
      synchronized (lock) {
        renewal = null;
      }
      flight.completeExceptionally(e);
      throw e;
    }
    String oldRefreshToken;
    synchronized (lock) {
      oldRefreshToken = tokens != null ? tokens.refreshToken : initialRefreshToken;
      tokens = fresh;
      initialRefreshToken = null;
      renewal = null;
    }
    flight.complete(fresh);
    if (fresh.refreshToken != null && !fresh.refreshToken.equals(oldRefreshToken)) {
      try {
        refreshTokenListener.accept(fresh.refreshToken);
      } catch (RuntimeException ignored) {
        // The caller's bookkeeping must not fail the payment that needed the token.
      }
    }
    return fresh;
  }

  /**
   * Sets when to renew a token that just arrived. One that has expired by our clock the moment it
   * arrives says that our clock and the gateway's disagree, not that the token is dead. Trusting
   * the clock would renew the token on every call; leaving it to the gateway, whose 401 triggers
   * one renewal, does not.
   */
  private Tokens withRenewalTime(Tokens fresh) {
    Instant now = clock.instant();
    if (fresh.expires == null || !fresh.expires.isAfter(now)) return fresh.renewingAt(null);
    Duration quarterOfLife = Duration.between(now, fresh.expires).dividedBy(4);
    Duration margin = quarterOfLife.compareTo(EXPIRY_MARGIN) < 0 ? quarterOfLife : EXPIRY_MARGIN;
    return fresh.renewingAt(fresh.expires.minus(margin));
  }

  /** Refreshes when there is a usable refresh token, else (or if it is refused) logs in. */
  private Tokens obtain(Attempt attempt) throws IOException {
    String refreshToken;
    synchronized (lock) {
      refreshToken = tokens != null
          ? (tokens.refreshExpired(clock.instant()) ? null : tokens.refreshToken)
          : initialRefreshToken;
    }
    if (refreshToken != null) {
      try {
        return endpoint.refresh(refreshToken, attempt.deadline, attempt.number);
      } catch (TokenFailure e) {
        if (!(e.failure instanceof AuthenticationException)) throw e;
        if (password == null) {
          throw new TokenFailure(new AuthenticationException(e.getMessage()
              + "; the client has no password to log in again with: build it with a new refresh"
              + " token, or with login(login, password)", e.failure.httpStatus(),
              e.failure.requestId(), null));
        }
        // Refused (rotated by a refresh whose answer was lost, or revoked): log in afresh.
      }
    } else if (password == null) {
      throw new TokenFailure(new AuthenticationException("the refresh token has expired and the"
          + " client has no password to log in again with: build it with a new refresh token, or"
          + " with login(login, password)", 0, null, null));
    }
    return endpoint.login(login, password, attempt.deadline, attempt.number);
  }

  /** Waits for another thread's renewal, no longer than this thread's own deadline. */
  private Tokens await(CompletableFuture<Tokens> flight, Attempt attempt) throws IOException {
    try {
      return flight.get(Math.max(0, attempt.deadline.remainingNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new InterruptedIOException("timeout waiting for a token");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for a token");
    } catch (ExecutionException e) {
      // Throw a failure of our own: the leader's belongs to the leader's thread.
      Throwable cause = e.getCause();
      PaygateException typed = TokenFailure.unwrap(cause);
      if (typed != null) throw new TokenFailure(ErrorMapper.copy(typed, null));
      if (cause instanceof IOException) throw new IOException("getting a token failed: " + cause, cause);
      if (cause instanceof PaygateException) throw new TokenFailure(ErrorMapper.copy((PaygateException) cause, null));
      throw new IOException("getting a token failed: " + cause, cause);
    }
  }
}
