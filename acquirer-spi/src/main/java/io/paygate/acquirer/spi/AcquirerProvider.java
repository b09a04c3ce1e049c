package io.paygate.acquirer.spi;

import java.util.List;

/**
 * The entry point of a connector, found by {@link java.util.ServiceLoader}.
 *
 * <p>Implementations need a public no-argument constructor, must be cheap to construct (the gateway
 * constructs every provider it finds, including those no merchant uses) and must not start threads
 * or open connections before {@link #create} is called.
 */
public interface AcquirerProvider {

  /**
   * The acquirer's name, unique in a gateway: what an operator writes as a merchant's
   * {@code acquiringbank} and as the configuration section's name. Letters, digits, {@code -}
   * and {@code _}; matched case-insensitively.
   */
  String name();

  /** The connector's own version, shown to operators. */
  default String version() {
    String v = getClass().getPackage().getImplementationVersion();
    return v == null ? "unknown" : v;
  }

  /**
   * The SPI version this provider was compiled against. Implement it as
   * {@code return AcquirerSpi.VERSION;} — the constant is inlined by the compiler.
   */
  String spiVersion();

  /** The settings this connector reads, so the gateway can check and document them. */
  default List<Setting> settings() {
    return List.of();
  }

  /**
   * Creates the acquirer from its configuration section. Called once at start-up.
   *
   * @throws AcquirerConfigurationException when a setting is missing or invalid; the gateway stops
   *     start-up with the message, which should name the setting
   */
  Acquirer create(AcquirerSettings settings);
}
