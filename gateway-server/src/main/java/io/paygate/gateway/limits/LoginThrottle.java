package io.paygate.gateway.limits;

import io.paygate.gateway.config.LoginRateLimits;
import io.paygate.gateway.errors.RateLimitedException;
import io.paygate.gateway.metrics.RateLimitMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Login attempts per login name and per address, a stricter limit than other requests: it slows
 * password guessing before the lockout kicks in, and keeps bcrypt from eating the CPU.
 */
public final class LoginThrottle {
  private final RateLimiter perLogin;
  private final RateLimiter perAddress;
  private final RateLimitMetrics metrics;

  public LoginThrottle(LoginRateLimits limits, Clock clock, RateLimitMetrics metrics) {
    this.metrics = metrics;
    this.perLogin = new RateLimiter(limits.perLogin(), Duration.ofMinutes(1), clock);
    this.perAddress = new RateLimiter(limits.perAddress(), Duration.ofMinutes(1), clock);
  }

  /**
   * Takes one attempt for the login name and one for the address.
   *
   * @throws RateLimitedException 429 when either is spent
   */
  public void check(String login, String address) {
    long wait = perAddress.acquire(address == null ? "" : address);
    if (wait == 0) {
      wait = perLogin.acquire(login.trim().toLowerCase(Locale.ROOT));
    }
    if (wait > 0) {
      metrics.loginRefused();
      throw new RateLimitedException("too many login attempts; retry in " + wait + " s", wait);
    }
  }
}
