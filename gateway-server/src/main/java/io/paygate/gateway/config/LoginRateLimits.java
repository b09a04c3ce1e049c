package io.paygate.gateway.config;

/**
 * Login attempts a minute ({@code rate.limit.login.per.minute},
 * {@code rate.limit.login.address.per.minute}): two counts kept together and named, so the one
 * cannot be passed where the other is meant ({@link SecurityConfig#loginRateLimits()}).
 *
 * @param perLogin attempts a minute for one login name; 0 means no limit
 * @param perAddress attempts a minute from one client address; 0 means no limit
 */
public record LoginRateLimits(int perLogin, int perAddress) {
  public LoginRateLimits {
    if (perLogin < 0 || perAddress < 0) {
      throw new IllegalArgumentException("login rate limits must be 0 (none) or more, not "
          + perLogin + " per login and " + perAddress + " per address");
    }
  }
}
