package io.paygate.piggy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerConfigurationException;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AcquirerSpi;
import io.paygate.acquirer.spi.Setting;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The provider: discovery and settings. The plug-in end to end against its simulator is
 * piggy-simulator's {@code PiggyBankWithSimulatorTest}.
 */
class PiggyBankAcquirerProviderTest {
  private final PiggyBankAcquirerProvider provider = new PiggyBankAcquirerProvider();

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(AcquirerProvider.class))
        .anySatisfy(found -> {
          assertThat(found).isInstanceOf(PiggyBankAcquirerProvider.class);
          assertThat(found.name()).isEqualTo("PiggyBank");
        });
  }

  @Test
  void declaresItsNameSpiVersionAndSettings() {
    assertThat(provider.name()).isEqualTo("PiggyBank");
    assertThat(provider.spiVersion()).isEqualTo(AcquirerSpi.VERSION);
    assertThat(AcquirerSpi.incompatibility(provider.spiVersion())).isNull();
    assertThat(provider.settings()).extracting(Setting::name).containsExactly(
        "baseUrl", "simulator", "connectTimeout", "readTimeout", "simulatorDelay",
        "maxConnections");
    assertThat(provider.settings()).extracting(Setting::defaultValue).containsExactly(
        null, "false", "1s", "5s", "0ms", "64");
    assertThat(provider.settings()).noneMatch(Setting::isRequired);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "baseUrl         | not a url",
    "baseUrl         | ftp://piggy.example",
    "connectTimeout  | soon",
    "readTimeout     | 0s",
    "readTimeout     | -5s",
    "readTimeout     | PT0.0001S",
    "connectTimeout  | 30000h",
    "maxConnections  | many",
    "maxConnections  | 0",
    "simulator       | yes",
    "simulatorDelay  | slow",
    "simulatorDelay  | -1s"
  })
  void refusesABadSettingNamingIt(String name, String value) {
    assertThatThrownBy(() -> provider.create(new AcquirerSettings("PiggyBank", Map.of(name, value))))
        .isInstanceOf(AcquirerConfigurationException.class)
        .hasMessageContaining("PiggyBank")
        .hasMessageContaining("'" + name + "'");
  }

  @Test
  void refusesASimulatorDelayWithABaseUrlSinceNoSimulatorRuns() {
    AcquirerSettings settings = new AcquirerSettings("PiggyBank",
        Map.of("baseUrl", "http://127.0.0.1:9", "simulatorDelay", "200ms"));

    assertThatThrownBy(() -> provider.create(settings))
        .isInstanceOf(AcquirerConfigurationException.class)
        .hasMessageContaining("'simulatorDelay'")
        .hasMessageContaining("'baseUrl'");
  }

  @Test
  void readsSettingNamesWhateverTheirCase() {
    try (Acquirer acquirer = provider.create(new AcquirerSettings("PiggyBank",
        Map.of("BASEURL", "http://127.0.0.1:9/bank/", "MAXCONNECTIONS", "8")))) {
      assertThat(acquirer.toString()).contains("http://127.0.0.1:9/bank/payments");
    }
  }

  @Test
  void refusesToStartWithoutABaseUrlRatherThanStartASimulator() {
    assertThatThrownBy(() -> provider.create(new AcquirerSettings("PiggyBank", Map.of())))
        .isInstanceOf(AcquirerConfigurationException.class)
        .hasMessageContaining("acquirer PiggyBank: setting 'baseUrl' is required")
        .hasMessageContaining("simulator=true");
  }

  @Test
  void refusesASimulatorTogetherWithABaseUrlAsAmbiguous() {
    AcquirerSettings settings = new AcquirerSettings("PiggyBank",
        Map.of("baseUrl", "https://piggybank.example", "simulator", "true"));

    assertThatThrownBy(() -> provider.create(settings))
        .isInstanceOf(AcquirerConfigurationException.class)
        .hasMessageContaining("'simulator' is true and 'baseUrl' is set too")
        .hasMessageContaining("ambiguous");
  }

  @Test
  void refusesASimulatorDelayWithoutASimulator() {
    AcquirerSettings settings = new AcquirerSettings("PiggyBank",
        Map.of("baseUrl", "https://piggybank.example", "simulator", "false",
            "simulatorDelay", "1s"));

    assertThatThrownBy(() -> provider.create(settings))
        .isInstanceOf(AcquirerConfigurationException.class)
        .hasMessageContaining("'simulatorDelay'");
  }

  /** This module's test class path has no piggy-simulator jar, as a connector shipped alone. */
  @Test
  void saysTheSimulatorIsNotOnTheClassPathWhenAskedForOne() {
    assertThatThrownBy(() -> provider.create(
            new AcquirerSettings("PiggyBank", Map.of("simulator", "true"))))
        .isInstanceOf(AcquirerConfigurationException.class)
        .hasMessageContaining("setting 'simulator' is true")
        .hasMessageContaining("not on the class path")
        .hasMessageContaining("piggy-simulator");
  }

  @Test
  void tellsTheGatewayWhereItSendsPaymentsAndThatItIsNoSimulator() {
    try (Acquirer acquirer = provider.create(new AcquirerSettings("PiggyBank",
        Map.of("baseUrl", "https://user:secret@piggybank.example/bank/")))) {
      assertThat(acquirer.destination()).isEqualTo("https://piggybank.example/bank/");
      assertThat(acquirer.simulator()).isFalse();
    }
  }
}
