package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.GatewayProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up banner of the real process cannot be missed when a simulator serves payments. */
class SimulatorBannerTest {
  @TempDir Path dir;

  @Test
  void aGatewayOnTheSimulatorSaysSoInAFramedWarningAtStartUp() throws Exception {
    try (GatewayProcess gw = GatewayProcess.start(dir,
        Map.of("PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR", "true"))) {
      // The banner's lines follow the "listening" line that the start waited for.
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(gw.output())
          .anySatisfy(line -> assertThat(line)
              .matches("  acquirer PiggyBank \\S+: payments go to SIMULATOR at"
                  + " http://127\\.0\\.0\\.1:\\d+/ \\(no bank, no money moves\\)"))
          .anySatisfy(line -> assertThat(line)
              .startsWith("*  SIMULATOR: acquirer PiggyBank sends payments to a SIMULATOR"))
          .contains("*".repeat(78)));
    }
  }
}
