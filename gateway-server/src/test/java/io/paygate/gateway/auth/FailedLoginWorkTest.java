package io.paygate.gateway.auth;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paygate.gateway.config.LoginRateLimits;
import io.paygate.gateway.metrics.AuthMetrics;
import io.paygate.gateway.metrics.RateLimitMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.config.TokenLifetimes;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.db.AuditRepository;
import io.paygate.gateway.db.Database;
import io.paygate.gateway.db.LoginAttemptRepository;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.db.SessionNotices;
import io.paygate.gateway.db.TokenRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.limits.LoginThrottle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Unknown login and wrong password take roughly the same time", proved by the work done rather
 * than by a stopwatch: every kind of failed login makes exactly one bcrypt check, and the check for
 * an unknown login runs against a hash of the same cost as real ones.
 */
class FailedLoginWorkTest {
  static final String PASSWORD = "correct horse 42";
  static final String FROM = "192.0.2.1";

  @TempDir Path dir;
  Database db;
  AuditLog audit;
  CountingHasher hasher;
  AuthService auth;
  String login;

  /** Counts bcrypt checks. */
  static final class CountingHasher extends PasswordHasher {
    final AtomicInteger checks = new AtomicInteger();

    CountingHasher() {
      super(10);
    }

    @Override
    public boolean matches(String password, String hash) {
      checks.incrementAndGet();
      return super.matches(password, hash);
    }
  }

  @BeforeEach
  void setUp() {
    GatewayConfig config = GatewayConfig.from(ConfigSource.of(Map.of("data.dir", dir.toString())));
    db = Database.open(config);
    Clock clock = Clock.systemUTC();
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    MerchantRepository merchants = new MerchantRepository(db.dataSource());
    TokenRepository tokens = new TokenRepository(db.dataSource());
    audit = new AuditLog(new AuditRepository(db.dataSource()), clock);
    hasher = new CountingHasher();
    login = "shop-" + UUID.randomUUID();
    merchants.insert(new Merchant(UUID.randomUUID(), login, "Shop", hasher.hash(PASSWORD),
        "PiggyBank", Instant.now()));
    auth = new AuthService(merchants, tokens, hasher,
        new TokenService("a-test-secret-of-at-least-32-bytes!!", Duration.ofMinutes(5), clock),
        new RevokedSessions(tokens, Duration.ofMinutes(5), clock, SessionNotices.none()), audit,
        new TokenLifetimes(Duration.ofMinutes(5), Duration.ofDays(1)), clock,
        new Lockout(new LoginAttemptRepository(db.dataSource()), 2, Duration.ofMinutes(30), clock),
        new LoginThrottle(new LoginRateLimits(0, 0), clock, new RateLimitMetrics(metrics)),
        new AuthMetrics(metrics));
  }

  @AfterEach
  void tearDown() {
    audit.close();
    db.close();
  }

  @Test
  void everyKindOfFailedLoginMakesExactlyOneBcryptCheck() {
    assertOneCheckAnd401(() -> auth.login("nobody-" + UUID.randomUUID(), PASSWORD, FROM));
    assertOneCheckAnd401(() -> auth.login(login, "wrong password 1", FROM));
    assertOneCheckAnd401(() -> auth.login(login, "wrong password 2", FROM)); // this one locks
    assertOneCheckAnd401(() -> auth.login(login, PASSWORD, FROM)); // locked: same work, same answer
  }

  @Test
  void theUnknownLoginHashHasTheCostOfRealHashes() {
    String real = hasher.hash(PASSWORD);
    String dummy = hasher.unknownLoginHash();

    // "$2a$10$": the cost is the number between the second and third '$'.
    assertThat(dummy.substring(0, 7)).isEqualTo(real.substring(0, 7));
    assertThat(hasher.matches(PASSWORD, null)).isFalse();
  }

  private void assertOneCheckAnd401(Runnable attempt) {
    int before = hasher.checks.get();
    assertThatThrownBy(attempt::run).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.getMessage()).isEqualTo(AuthService.BAD_LOGIN);
    });
    assertThat(hasher.checks.get() - before).isEqualTo(1);
  }
}
