package io.paygate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.config.LoginRateLimits;
import io.paygate.gateway.config.TokenLifetimes;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.db.AuditRepository;
import io.paygate.gateway.db.Database;
import io.paygate.gateway.db.LoginAttemptRepository;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.db.SessionNotices;
import io.paygate.gateway.db.TokenRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.RateLimitedException;
import io.paygate.gateway.limits.LoginThrottle;
import io.paygate.gateway.metrics.AuthMetrics;
import io.paygate.gateway.metrics.RateLimitMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/**
 * Logins are throttled per client address, whatever the logging context holds: the address is a
 * parameter of {@link AuthService#login}. When it was read from the logging context, a login
 * called with an empty context put every client in one bucket, so one guesser locked out all.
 */
class LoginThrottleByAddressTest {
  static final String PASSWORD = "correct horse 42";
  static final int PER_ADDRESS = 2;

  @TempDir Path dir;
  Database db;
  AuditLog audit;
  AuthService auth;
  String login;

  @BeforeEach
  void setUp() {
    GatewayConfig config = GatewayConfig.from(ConfigSource.of(Map.of("data.dir", dir.toString())));
    db = Database.open(config);
    Clock clock = Clock.systemUTC();
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    MerchantRepository merchants = new MerchantRepository(db.dataSource());
    TokenRepository tokens = new TokenRepository(db.dataSource());
    audit = new AuditLog(new AuditRepository(db.dataSource()), clock);
    PasswordHasher hasher = new PasswordHasher(4);
    login = "shop-" + UUID.randomUUID();
    merchants.insert(new Merchant(UUID.randomUUID(), login, "Shop", hasher.hash(PASSWORD),
        "PiggyBank", Instant.now()));
    // Per login generous, per address strict, lockout out of reach: only the address limit bites.
    auth = new AuthService(merchants, tokens, hasher,
        new TokenService("a-test-secret-of-at-least-32-bytes!!", Duration.ofMinutes(5), clock),
        new RevokedSessions(tokens, Duration.ofMinutes(5), clock, SessionNotices.none()), audit,
        new TokenLifetimes(Duration.ofMinutes(5), Duration.ofDays(1)), clock,
        new Lockout(new LoginAttemptRepository(db.dataSource()), 1000, Duration.ofMinutes(30),
            clock),
        new LoginThrottle(new LoginRateLimits(1000, PER_ADDRESS), clock,
            new RateLimitMetrics(metrics)),
        new AuthMetrics(metrics));
    // No request, no logging context: as in a test, a batch job or an embedder's own thread.
    MDC.clear();
  }

  @AfterEach
  void tearDown() {
    audit.close();
    db.close();
  }

  @Test
  void anAddressThatSpentItsAttemptsIsRefusedWhileAnotherIsNot() {
    for (int i = 0; i < PER_ADDRESS; i++) {
      assertBadLogin(() -> auth.login(login, "wrong password", "198.51.100.7"));
    }

    assertThatThrownBy(() -> auth.login(login, "wrong password", "198.51.100.7"))
        .isInstanceOf(RateLimitedException.class);
    // Another client, with no logging context either: its own bucket, so a real answer.
    assertBadLogin(() -> auth.login(login, "wrong password", "203.0.113.9"));
    assertThat(auth.login(login, PASSWORD, "203.0.113.9").accessToken()).isNotBlank();
  }

  @Test
  void theLoggingContextDoesNotChooseTheBucket() {
    // Whatever a stale context says, the address given is the one throttled.
    MDC.put("origin", "198.51.100.7");
    try {
      for (int i = 0; i < PER_ADDRESS; i++) {
        String address = "203.0.113." + (10 + i);
        assertBadLogin(() -> auth.login(login, "wrong password", address));
      }
      assertBadLogin(() -> auth.login(login, "wrong password", "198.51.100.7"));
    } finally {
      MDC.clear();
    }
  }

  private static void assertBadLogin(Runnable attempt) {
    assertThatThrownBy(attempt::run).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status()).isEqualTo(401));
  }
}
