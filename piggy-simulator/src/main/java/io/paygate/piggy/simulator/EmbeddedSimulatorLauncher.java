package io.paygate.piggy.simulator;

import io.paygate.piggy.EmbeddedBankLauncher;
import java.time.Duration;

/**
 * Starts a {@link PiggyBankSimulator} for the Piggy Bank connector when its settings say
 * {@code simulator=true}. Found by {@link java.util.ServiceLoader}; does nothing until asked.
 */
public final class EmbeddedSimulatorLauncher implements EmbeddedBankLauncher {

  /** Does nothing: the connector constructs it only when a simulator is asked for. */
  public EmbeddedSimulatorLauncher() {}

  @Override
  public EmbeddedBank start(Duration responseDelay) {
    PiggyBankSimulator bank = new PiggyBankSimulator(responseDelay).start("127.0.0.1", 0);
    String baseUrl = bank.baseUrl();
    return new EmbeddedBank() {
      @Override
      public String baseUrl() {
        return baseUrl;
      }

      @Override
      public void close() {
        bank.close();
      }

      @Override
      public String toString() {
        return bank.toString();
      }
    };
  }
}
