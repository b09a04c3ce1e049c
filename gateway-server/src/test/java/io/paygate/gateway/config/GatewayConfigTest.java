package io.paygate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {

  @Test
  void defaultsRunOutOfTheBox() {
    GatewayConfig c = GatewayConfig.from(ConfigSource.load(null, Map.of()));

    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(c.pluginsDir()).isEqualTo(Path.of("plugins").toAbsolutePath());
    assertThat(c.dbUrl()).isEmpty();
    assertThat(c.operatorKey()).isEmpty();
    assertThat(c.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void environmentOverridesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("paygate.properties");
    Files.writeString(file, "port = 9000\ndata.dir = /srv/paygate\naccess.token.ttl = 5m\n");

    GatewayConfig c = GatewayConfig.from(ConfigSource.load(file, Map.of("PAYGATE_PORT", "9100",
        "PAYGATE_JWT_SECRET", "s".repeat(40), "HOME", "/root")));

    assertThat(c.port()).isEqualTo(9100);
    assertThat(c.dataDir()).isEqualTo(Path.of("/srv/paygate"));
    assertThat(c.pluginsDir()).as("beside the data folder").isEqualTo(Path.of("/srv/plugins"));
    assertThat(c.accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.jwtSecret()).contains("s".repeat(40));
  }

  @Test
  void settingsRecordsCarryEachSettingUnderItsOwnName() {
    GatewayConfig c = GatewayConfig.from(ConfigSource.of(Map.of("acquirer.timeout", "7s",
        "reconcile.margin", "3s", "reconcile.interval", "2s", "reconcile.max.backoff", "9m",
        "reconcile.cancel.after", "30h",
        "access.token.ttl", "4m", "refresh.token.ttl", "144h")));

    assertThat(c.reconcile()).isEqualTo(new ReconcileSettings(Duration.ofSeconds(10),
        Duration.ofSeconds(2), Duration.ofMinutes(9), Duration.ofHours(30)));
    assertThat(c.tokenLifetimes().access()).isEqualTo(Duration.ofMinutes(4));
    assertThat(c.tokenLifetimes().refresh()).isEqualTo(Duration.ofDays(6));
  }

  @Test
  void bankCallSettingsCarryEachSettingUnderItsOwnName() {
    // Distinct values, so that two counts or two durations swapped on the way would show.
    GatewayConfig c = GatewayConfig.from(ConfigSource.of(Map.of("acquirer.timeout", "7s",
        "acquirer.max.concurrency", "33", "acquirer.breaker.failures", "4",
        "acquirer.breaker.pause", "45s")));

    assertThat(c.acquirerCalls()).isEqualTo(new AcquirerCallSettings(Duration.ofSeconds(7), 33, 4,
        Duration.ofSeconds(45)));
    assertThat(GatewayConfig.from(ConfigSource.of(Map.of())).acquirerCalls())
        .isEqualTo(new AcquirerCallSettings(Duration.ofSeconds(10), 256, 5,
            Duration.ofSeconds(30)));
  }

  @Test
  void bankCallSettingsRefuseWhatCouldNeverCallABank() {
    assertThatThrownBy(() -> new AcquirerCallSettings(Duration.ZERO, 1, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    assertThatThrownBy(() -> new AcquirerCallSettings(Duration.ofSeconds(1), 0, 1,
        Duration.ofSeconds(1))).hasMessageContaining("maxConcurrentCalls");
    assertThatThrownBy(() -> new AcquirerCallSettings(Duration.ofSeconds(1), 1, 0,
        Duration.ofSeconds(1))).hasMessageContaining("breakerThreshold");
    assertThatThrownBy(() -> new AcquirerCallSettings(Duration.ofSeconds(1), 1, 1, null))
        .hasMessageContaining("breakerPause");
  }

  @Test
  void badValueNamesTheSettingAndWhereItCameFrom() {
    assertThatThrownBy(() -> GatewayConfig.from(ConfigSource.load(null,
        Map.of("PAYGATE_PORT", "eighty"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PAYGATE_PORT").hasMessageContaining("eighty");
    assertThatThrownBy(() -> GatewayConfig.from(ConfigSource.load(null,
        Map.of("PAYGATE_PORT", "70000"))))
        .hasMessageContaining("PAYGATE_PORT").hasMessageContaining("65535");
    assertThatThrownBy(() -> GatewayConfig.from(ConfigSource.of(Map.of("acquirer.timeout", "soon"))))
        .hasMessageContaining("acquirer.timeout").hasMessageContaining("soon");
    assertThatThrownBy(() -> GatewayConfig.from(ConfigSource.of(Map.of("bcrypt.cost", "4"))))
        .hasMessageContaining("bcrypt.cost");
  }

  @Test
  void shortOperatorKeyIsRefused() {
    assertThatThrownBy(() -> GatewayConfig.from(ConfigSource.load(null,
        Map.of("PAYGATE_OPERATOR_KEY", "short"))))
        .hasMessageContaining("PAYGATE_OPERATOR_KEY").hasMessageContaining("24");
  }

  @Test
  void unreadableFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.properties");
    assertThatThrownBy(() -> ConfigSource.load(missing, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("nope.properties");
  }

  @Test
  void acquirerSectionsComeFromFileAndEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.properties");
    Files.writeString(file, "acquirer.piggybank.baseUrl = http://bank\n"
        + "acquirer.piggybank.readTimeout = 2s\n");

    GatewayConfig c = GatewayConfig.from(ConfigSource.load(file,
        Map.of("PAYGATE_ACQUIRER_PIGGYBANK_READTIMEOUT", "3s")));

    assertThat(c.acquirerSettings("PiggyBank").get("baseUrl")).contains("http://bank");
    assertThat(c.acquirerSettings("PiggyBank").get("readTimeout")).contains("3s");
  }

  @Test
  void threadsAndGroupCommitTakeOnlyTheirWords() {
    GatewayConfig defaults = GatewayConfig.from(ConfigSource.load(null, Map.of()));
    assertThat(defaults.httpVirtualThreads()).isTrue();
    assertThat(defaults.dbGroupCommit()).isTrue();
    GatewayConfig off = GatewayConfig.from(ConfigSource.load(null,
        Map.of("PAYGATE_HTTP_THREADS", "platform", "PAYGATE_DB_GROUP_COMMIT", "false")));
    assertThat(off.httpVirtualThreads()).isFalse();
    assertThat(off.dbGroupCommit()).isFalse();

    assertThatThrownBy(() -> GatewayConfig.from(ConfigSource.load(null,
        Map.of("PAYGATE_HTTP_THREADS", "green"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PAYGATE_HTTP_THREADS").hasMessageContaining("virtual or platform");
    assertThatThrownBy(() -> GatewayConfig.from(ConfigSource.load(null,
        Map.of("PAYGATE_DB_GROUP_COMMIT", "maybe"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PAYGATE_DB_GROUP_COMMIT").hasMessageContaining("true or false");
  }
}
