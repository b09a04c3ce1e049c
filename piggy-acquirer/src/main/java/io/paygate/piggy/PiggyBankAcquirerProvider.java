package io.paygate.piggy;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerConfigurationException;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AcquirerSpi;
import io.paygate.acquirer.spi.Setting;
import java.util.List;
import java.util.ServiceLoader;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Piggy Bank plug-in, found by {@link java.util.ServiceLoader} under the name
 * {@code PiggyBank}.
 *
 * <p>Settings: {@code baseUrl} (required unless {@code simulator=true}), {@code connectTimeout}
 * (1s), {@code readTimeout} (5s), {@code maxConnections} (64), {@code simulator} (false) and
 * {@code simulatorDelay}. A simulator runs only when asked for by {@code simulator=true}: then the
 * plug-in starts one on 127.0.0.1 and a free port through the {@link EmbeddedBankLauncher} of the
 * piggy-simulator jar, delaying its answers by {@code simulatorDelay}, and the acquirer's
 * {@link Acquirer#close()} stops it. A gateway whose operator forgot {@code baseUrl} therefore
 * refuses to start instead of sending real payments to a simulator.
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
   * Creates the acquirer for {@code baseUrl}, or with an embedded simulator when
   * {@code simulator=true}.
   *
   * @throws AcquirerConfigurationException naming the setting at fault, or when the embedded
   *     simulator is asked for but not on the class path, or cannot start
   */
  @Override
  public Acquirer create(AcquirerSettings settings) {
    PiggyBankSettings config = PiggyBankSettings.from(settings);
    if (!config.simulator()) {
      return new PiggyBankAcquirer(config.baseUrl(), config, null);
    }
    EmbeddedBankLauncher.EmbeddedBank bank;
    try {
      bank = launcher(settings).start(config.simulatorDelay());
    } catch (IllegalStateException e) {
      throw new AcquirerConfigurationException("acquirer " + settings.acquirerName()
          + ": setting '" + PiggyBankSettings.SIMULATOR + "' is true but the embedded Piggy"
          + " Bank simulator cannot start", e);
    }
    // Asked for, but an operator must not mistake it for a connection to a real bank.
    LOG.warn("acquirer {}: SIMULATOR: payments go to an embedded Piggy Bank simulator at {},"
        + " not to a bank ('{}=true')", settings.acquirerName(), bank.baseUrl(),
        PiggyBankSettings.SIMULATOR);
    try {
      return new PiggyBankAcquirer(HttpUrl.get(bank.baseUrl()), config, bank);
    } catch (RuntimeException e) {
      bank.close();
      throw e;
    }
  }

  /** The piggy-simulator jar's launcher, looked up only now that a simulator is asked for. */
  private static EmbeddedBankLauncher launcher(AcquirerSettings settings) {
    ClassLoader loader = PiggyBankAcquirerProvider.class.getClassLoader();
    return ServiceLoader.load(EmbeddedBankLauncher.class, loader).findFirst()
        .orElseThrow(() -> new AcquirerConfigurationException("acquirer "
            + settings.acquirerName() + ": setting '" + PiggyBankSettings.SIMULATOR
            + "' is true but the Piggy Bank simulator is not on the class path (the"
            + " piggy-simulator jar, which registers " + EmbeddedBankLauncher.class.getName()
            + "); add it, or set '" + PiggyBankSettings.BASE_URL + "' to a real bank"));
  }
}
