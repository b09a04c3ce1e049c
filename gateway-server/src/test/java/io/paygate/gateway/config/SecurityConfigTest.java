package io.paygate.gateway.config;

import io.paygate.gateway.core.MerchantLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityConfigTest {

  @Test
  void defaultsProtectWithoutThrottlingABenchmark() {
    SecurityConfig c = GatewayConfig.from(ConfigSource.load(null, Map.of())).security();

    assertThat(c.tlsKeystore()).isEmpty();
    assertThat(c.corsAllowedOrigins()).isEmpty();
    // Stripe's live-mode limits: 100 reads and 100 writes a second per merchant, across nodes.
    assertThat(c.merchantLimits()).isEqualTo(new MerchantLimits(100, 100));
    assertThat(c.loginRateLimits()).isEqualTo(new LoginRateLimits(20, 300));
    assertThat(c.lockoutAttempts()).isEqualTo(10);
    assertThat(c.lockoutDuration()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void environmentVariablesSetEverySecuritySetting() {
    SecurityConfig c = GatewayConfig.from(ConfigSource.load(null, Map.of(
        "PAYGATE_CORS_ALLOWED_ORIGINS", "https://a.example, http://localhost:3000",
        "PAYGATE_RATE_LIMIT_MERCHANT_READS_PER_SECOND", "0",
        "PAYGATE_RATE_LIMIT_MERCHANT_WRITES_PER_SECOND", "250",
        "PAYGATE_LOGIN_LOCKOUT_DURATION", "1h",
        "PAYGATE_TLS_KEYSTORE_PATH", "/etc/paygate/tls.p12",
        "PAYGATE_TLS_KEYSTORE_PASSWORD", "pw"))).security();

    assertThat(c.corsAllowedOrigins())
        .containsExactly("https://a.example", "http://localhost:3000");
    assertThat(c.merchantLimits()).as("0 turns a limit off").isEqualTo(new MerchantLimits(0, 250));
    assertThat(c.lockoutDuration()).isEqualTo(Duration.ofHours(1));
    assertThat(c.tlsKeystore()).hasValueSatisfying(p -> assertThat(p).hasFileName("tls.p12"));
  }

  @Test
  void loginLimitsCarryEachSettingUnderItsOwnName() {
    SecurityConfig c = GatewayConfig.from(ConfigSource.of(Map.of(
        "rate.limit.login.per.minute", "7", "rate.limit.login.address.per.minute", "70")))
        .security();

    assertThat(c.loginRateLimits()).isEqualTo(new LoginRateLimits(7, 70));
    assertThat(GatewayConfig.from(ConfigSource.of(Map.of())).security().loginRateLimits())
        .isEqualTo(new LoginRateLimits(20, 300));
    assertThatThrownBy(() -> new LoginRateLimits(-1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badValuesNameTheSetting() {
    assertThatThrownBy(() -> GatewayConfig.from(ConfigSource.load(null,
        Map.of("PAYGATE_RATE_LIMIT_LOGIN_PER_MINUTE", "-1"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PAYGATE_RATE_LIMIT_LOGIN_PER_MINUTE");
    assertThatThrownBy(() -> GatewayConfig.from(ConfigSource.of(
        Map.of("cors.allowed.origins", "https://shop.example/path"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("cors.allowed.origins");
  }
}
