package io.paygate.gateway.config;

import io.paygate.gateway.core.MerchantLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The security settings: TLS, CORS, rate limits and login lockout. Kept apart from
 * {@link GatewayConfig} so that each concern reads in one place; built with it, so a bad value
 * stops start-up with a message naming the setting.
 */
public final class SecurityConfig {
  private final Optional<Path> tlsKeystore;
  private final String tlsKeystorePassword;
  private final String tlsKeystoreType;
  private final List<String> corsAllowedOrigins;
  private final int merchantReadsPerSecond;
  private final int merchantWritesPerSecond;
  private final int loginsPerMinutePerLogin;
  private final int loginsPerMinutePerAddress;
  private final int lockoutAttempts;
  private final Duration lockoutDuration;

  SecurityConfig(ConfigSource s) {
    Settings v = new Settings(s);
    this.tlsKeystore = s.get("tls.keystore.path").map(p -> v.path("tls.keystore.path", Path.of(p)));
    this.tlsKeystorePassword = s.get("tls.keystore.password").orElse("");
    this.tlsKeystoreType = v.string("tls.keystore.type", "PKCS12");
    this.corsAllowedOrigins = s.get("cors.allowed.origins")
        .map(o -> Arrays.stream(o.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList())
        .orElse(List.of());
    for (String origin : corsAllowedOrigins) {
      if (origin.equals("*") || !origin.matches("https?://[^/\\s]+")) {
        throw new ConfigException(s.describe("cors.allowed.origins") + " must list origins such as"
            + " https://shop.example (scheme and host, no path, no '*'), not '" + origin + "'");
      }
    }
    // What a real merchant gets (Stripe's live-mode limits: 100 reads and 100 writes a second),
    // across all nodes; the operator raises a merchant's own (PUT /admin/merchants/{id}/limits).
    // 0 turns a limit off.
    this.merchantReadsPerSecond = v.integer("rate.limit.merchant.reads.per.second", 100, 0,
        MerchantLimits.MAX);
    this.merchantWritesPerSecond = v.integer("rate.limit.merchant.writes.per.second", 100, 0,
        MerchantLimits.MAX);
    this.loginsPerMinutePerLogin = v.integer("rate.limit.login.per.minute", 20, 0, 1_000_000);
    this.loginsPerMinutePerAddress = v.integer("rate.limit.login.address.per.minute", 300, 0,
        1_000_000);
    this.lockoutAttempts = v.integer("login.lockout.attempts", 10, 1, 1000);
    this.lockoutDuration = v.duration("login.lockout.duration", Duration.ofMinutes(30));
    if (tlsKeystore.isPresent() && tlsKeystorePassword.isEmpty()) {
      throw new ConfigException(s.describe("tls.keystore.password")
          + " is required when tls.keystore.path is set");
    }
  }

  /** A PKCS12 (or {@link #tlsKeystoreType()}) keystore: when set, the server speaks only HTTPS. */
  public Optional<Path> tlsKeystore() {
    return tlsKeystore;
  }

  public String tlsKeystorePassword() {
    return tlsKeystorePassword;
  }

  public String tlsKeystoreType() {
    return tlsKeystoreType;
  }

  /** Browser origins allowed to call the API (CORS); empty allows none. */
  public List<String> corsAllowedOrigins() {
    return corsAllowedOrigins;
  }

  /**
   * The default limits of a merchant across all nodes, reads and writes a second (0: none); a
   * merchant's own limits, set by the operator, replace them.
   */
  public MerchantLimits merchantLimits() {
    return new MerchantLimits(merchantReadsPerSecond, merchantWritesPerSecond);
  }

  /** Both login limits, named: what the login throttle takes. */
  public LoginRateLimits loginRateLimits() {
    return new LoginRateLimits(loginsPerMinutePerLogin, loginsPerMinutePerAddress);
  }

  /** Failed logins in a row that lock an account. */
  public int lockoutAttempts() {
    return lockoutAttempts;
  }

  /** How long a locked account stays locked. */
  public Duration lockoutDuration() {
    return lockoutDuration;
  }
}
