package io.paygate.acquirer.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcquirerSpiTest {

  @Test
  void acceptsTheSameAndOlderMinorVersions() {
    assertThat(AcquirerSpi.incompatibility("1.0")).isNull();
    assertThat(AcquirerSpi.incompatibility(AcquirerSpi.VERSION)).isNull();
  }

  @Test
  void aLaterMinorHostAcceptsEveryOlderMinor() {
    for (String older : new String[] {"1.0", "1.1", "1.2", "1.3", "1"}) {
      assertThat(AcquirerSpi.incompatibility(older, 1, 3)).as(older).isNull();
    }
    assertThat(AcquirerSpi.incompatibility("1.4", 1, 3)).contains("newer than this gateway's SPI 1.3");
    assertThat(AcquirerSpi.incompatibility("0.9", 1, 3)).contains("major versions differ");
    assertThat(AcquirerSpi.incompatibility("2.0", 1, 3)).contains("major versions differ");
  }

  @Test
  void refusesAnotherMajorOrANewerMinor() {
    assertThat(AcquirerSpi.incompatibility("2.0")).contains("major versions differ");
    assertThat(AcquirerSpi.incompatibility("1.9")).contains("newer");
    assertThat(AcquirerSpi.incompatibility("x")).contains("not of the form");
    assertThat(AcquirerSpi.incompatibility(null)).contains("no SPI version");
  }

  @Test
  void settingsAreCaseInsensitiveAndNameWhatIsMissing() {
    AcquirerSettings settings = new AcquirerSettings("PiggyBank",
        Map.of("BASEURL", "http://x", "readTimeout", "250ms"));

    assertThat(settings.require("baseUrl")).isEqualTo("http://x");
    assertThat(settings.duration("readtimeout", Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofMillis(250));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.require("apiKey"))
        .isInstanceOf(AcquirerConfigurationException.class)
        .hasMessageContaining("PiggyBank").hasMessageContaining("apiKey");
  }

  @Test
  void badDurationNamesTheSetting() {
    AcquirerSettings settings = new AcquirerSettings("Bank", Map.of("timeout", "soon"));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> settings.duration("timeout", Duration.ofSeconds(1)))
        .hasMessageContaining("'timeout'").hasMessageContaining("soon");
  }
}
