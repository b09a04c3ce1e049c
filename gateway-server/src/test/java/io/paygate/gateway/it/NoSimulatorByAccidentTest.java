package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.gateway.Gateway;
import io.paygate.gateway.config.ConfigException;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A production gateway never talks to the Piggy Bank simulator by accident: without
 * {@code acquirer.piggybank.baseUrl} it refuses to start, a simulator runs only when asked for,
 * and then the gateway says so plainly. (The same refusal from the real process, with exit code 2:
 * {@link StartupFailureTest}.)
 */
class NoSimulatorByAccidentTest {
  @TempDir Path dir;

  private Map<String, String> productionLike() {
    return Map.of("port", "0", "host", "127.0.0.1", "data.dir", dir.toString(),
        "plugins.dir", dir.resolve("plugins").toString(),
        "operator.key", TestGateway.OPERATOR_KEY);
  }

  @Test
  void aGatewayWithoutBaseUrlOrSimulatorRefusesToStartNamingTheSetting() {
    GatewayConfig config = GatewayConfig.from(ConfigSource.of(productionLike()));

    assertThatThrownBy(() -> Gateway.start(config).close())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("acquirer PiggyBank: setting 'baseUrl' is required")
        .hasMessageContaining("acquirer.piggybank.baseUrl")
        .hasMessageContaining("PAYGATE_ACQUIRER_PIGGYBANK_BASEURL");
  }

  @Test
  void aSimulatorTogetherWithABaseUrlIsRefusedAsAmbiguous() {
    Map<String, String> settings = new java.util.HashMap<>(productionLike());
    settings.put("acquirer.piggybank.baseUrl", "https://piggybank.example");
    settings.put("acquirer.piggybank.simulator", "true");
    GatewayConfig config = GatewayConfig.from(ConfigSource.of(settings));

    assertThatThrownBy(() -> Gateway.start(config).close())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ambiguous")
        .hasMessageContaining("PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR")
        .hasMessageContaining("PAYGATE_ACQUIRER_PIGGYBANK_BASEURL");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSimulatorAskedForServesPaymentsAndEveryViewSaysItIsASimulator() {
    try (TestGateway gw = TestGateway.start(dir, Map.of("acquirer.piggybank.simulator", "true"))) {
      String token = gw.newMerchantToken();

      Http.Answer paid = gw.http().post("/api/process", token,
          TestGateway.payment(Cards.AUTHORISED, "42.50", "EUR"));
      Http.Answer ready = gw.http().get("/ready", null);
      Http.Answer admin = gw.http().get("/admin/acquirers", TestGateway.OPERATOR_KEY);

      assertThat(paid.status()).isEqualTo(201);
      assertThat(paid.string("status")).isEqualTo("Authorised");
      Map<String, Object> piggy = (Map<String, Object>) ((Map<String, Object>)
          ((Map<String, Object>) ready.json().get("checks")).get("acquirers")).get("PiggyBank");
      assertThat(piggy).containsEntry("simulator", true);
      assertThat((String) piggy.get("destination")).startsWith("http://127.0.0.1:");
      assertThat((List<String>) ready.json().get("warnings")).singleElement().asString()
          .contains("PiggyBank sends payments to a SIMULATOR", "no money moves");
      assertThat((List<Map<String, Object>>) admin.json().get("acquirers"))
          .filteredOn(a -> a.get("name").equals("PiggyBank")).singleElement()
          .satisfies(a -> assertThat(a).containsEntry("simulator", true));
      assertThat((List<String>) admin.json().get("warnings")).singleElement().asString()
          .contains("SIMULATOR");
      assertThat(gw.gateway().acquirers()).filteredOn(a -> a.name().equals("PiggyBank"))
          .singleElement().satisfies(a -> assertThat(a.simulator()).isTrue());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aGatewayWithABaseUrlShowsTheBankAndNoWarning() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String bank = "http://127.0.0.1:" + closedPort + "/";
    try (TestGateway gw = TestGateway.start(dir, Map.of("acquirer.piggybank.baseUrl", bank))) {
      Http.Answer ready = gw.http().get("/ready", null);

      Map<String, Object> piggy = (Map<String, Object>) ((Map<String, Object>)
          ((Map<String, Object>) ready.json().get("checks")).get("acquirers")).get("PiggyBank");
      assertThat(piggy).containsEntry("simulator", false).containsEntry("destination", bank);
      assertThat(ready.json()).doesNotContainKey("warnings");
    }
  }
}
