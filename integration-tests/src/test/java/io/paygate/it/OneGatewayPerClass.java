package io.paygate.it;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real gateway for all the tests of a class, on the default settings: starting one costs
 * seconds, and tests that each create their own merchant cannot see each other's payments.
 */
abstract class OneGatewayPerClass {
  @TempDir static Path dataDir;
  static LiveGateway gateway;

  @BeforeAll static void startGateway() {
    gateway = LiveGateway.start(dataDir, Map.of());
  }

  @AfterAll static void stopGateway() {
    if (gateway != null) gateway.close();
  }
}
