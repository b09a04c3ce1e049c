package io.paygate.piggy;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerConfigurationException;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AcquirerSpi;
import io.paygate.acquirer.spi.Setting;
import io.paygate.piggy.simulator.PiggyBankSimulator;
import java.util.List;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Piggy Bank plug-in, found by {@link java.util.ServiceLoader} under the name
 * {@code PiggyBank}.
 *
 * <p>Settings: {@code baseUrl}, {@code connectTimeout} (1s), {@code readTimeout} (5s),
 * {@code maxConnections} (64) and {@code simulatorDelay}. Without {@code baseUrl} the plug-in
 * starts an embedded {@link PiggyBankSimulator} on 127.0.0.1 and a free port, delaying its answers
 * by {@code simulatorDelay}, so that a gateway runs out of the box; the acquirer's
 * {@link Acquirer#close()} stops it.
 */
public final class PiggyBankAcquirerProvider implements AcquirerProvider {
  /** The acquirer's name, as merchants' {@code acquiringbank} and the configuration section. */
  public static final String NAME = "PiggyBank";

  private static final Logger LOG = LoggerFactory.getLogger(PiggyBankAcquirerProvider.class);

  /** Does nothing: the gateway constructs every provider it finds, used or not. */
  public PiggyBankAcquirerProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String spiVersion() {
    return AcquirerSpi.VERSION;
  }

  @Override
  public List<Setting> settings() {
    return PiggyBankSettings.DECLARED;
  }

  /**
   * Creates the acquirer, starting the embedded simulator when no {@code baseUrl} is set.
   *
   * @throws AcquirerConfigurationException naming the setting at fault, or when the embedded
   *     simulator cannot start
   */
  @Override
  public Acquirer create(AcquirerSettings settings) {
    PiggyBankSettings config = PiggyBankSettings.from(settings);
    if (config.baseUrl() != null) {
      return new PiggyBankAcquirer(config.baseUrl(), config, null);
    }
    PiggyBankSimulator bank;
    try {
      bank = new PiggyBankSimulator(config.simulatorDelay()).start("127.0.0.1", 0);
    } catch (IllegalStateException e) {
      throw new AcquirerConfigurationException("acquirer " + settings.acquirerName()
          + ": setting '" + PiggyBankSettings.BASE_URL + "' is not set and the embedded Piggy"
          + " Bank simulator cannot start", e);
    }
    // Not an error, but an operator must not mistake it for a connection to a real bank.
    LOG.warn("acquirer {}: setting '{}' is not set; payments go to an embedded Piggy Bank"
        + " simulator at {}", settings.acquirerName(), PiggyBankSettings.BASE_URL, bank.baseUrl());
    try {
      return new PiggyBankAcquirer(HttpUrl.get(bank.baseUrl()), config, bank);
    } catch (RuntimeException e) {
      bank.close();
      throw e;
    }
  }
}
