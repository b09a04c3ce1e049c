package io.paygate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.acquirer.spi.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A setting nothing reads is refused, named with the closest known one; known ones pass. */
class UnknownSettingsTest {
  @TempDir Path dir;

  private static final List<Setting> PIGGY = List.of(
      Setting.optional("baseUrl", "where", null), Setting.optional("simulator", "demo", "false"));

  @Test
  void aMisspeltFileKeyIsRefusedWithTheClosestKnownKey() throws Exception {
    Path file = Files.writeString(dir.resolve("paygate.properties"), "prot = 9090\n");
    GatewayConfig config = GatewayConfig.from(ConfigSource.load(file, Map.of()));

    assertThatThrownBy(config::refuseUnknownSettings)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting: 'prot' (file " + file + ") (did you mean 'port'?)");
  }

  @Test
  void everyUnknownVariableIsNamedAtOnce() {
    GatewayConfig config = GatewayConfig.from(ConfigSource.load(null, Map.of(
        "PAYGATE_SHUTDOWN_TIMOUT", "5s", "PAYGATE_DATADIR", "/tmp/x")));

    assertThatThrownBy(config::refuseUnknownSettings)
        .hasMessageContaining("unknown settings:")
        .hasMessageContaining("PAYGATE_SHUTDOWN_TIMOUT (did you mean PAYGATE_SHUTDOWN_TIMEOUT?)")
        .hasMessageContaining("PAYGATE_DATADIR (did you mean PAYGATE_DATA_DIR?)");
  }

  @Test
  void anAcquirersDeclaredSettingsAreKnownOnceItIsLoadedAndOthersAreNot() {
    GatewayConfig config = GatewayConfig.from(ConfigSource.load(null, Map.of(
        "PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR", "true",
        "PAYGATE_ACQUIRER_KESTRELBANK_APIKEY", "k")));
    config.acquirerSettings("PiggyBank", PIGGY);

    assertThatThrownBy(config::refuseUnknownSettings)
        .hasMessageContaining("PAYGATE_ACQUIRER_KESTRELBANK_APIKEY")
        .hasMessageNotContaining("PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR");
  }

  @Test
  void theVariablesOfOurScriptsAndExamplesAreIgnoredOnPurpose() {
    GatewayConfig config = GatewayConfig.from(ConfigSource.load(null, Map.of(
        "PAYGATE_CONFIG", "paygate.properties", "PAYGATE_CDS", "off", "PAYGATE_URL", "http://x",
        "PAYGATE_LOGIN", "disney", "PAYGATE_PASSWORD", "p", "PAYGATE_LOG_LEVEL", "DEBUG",
        "PAYGATE_JVM_OPTS", "-Xmx1g", "PAYGATE_OPERATOR_KEY", "operator-key-0123456789abcdef",
        "PAYGATE_PORT", "9090", "OTHER_TOOL_SETTING", "x")));

    assertThatCode(config::refuseUnknownSettings).doesNotThrowAnyException();
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(EditDistance.between("port", "port")).isZero();
    assertThat(EditDistance.between("prot", "port")).isEqualTo(2);
    assertThat(EditDistance.between("data.dir", "datadir")).isEqualTo(1);
    assertThat(EditDistance.between("", "abc")).isEqualTo(3);
  }
}
