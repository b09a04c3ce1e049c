package io.paygate.acquirer.spi;

/**
 * The version of this contract.
 *
 * <p>{@link #VERSION} is a compile-time constant, so a provider that returns it from
 * {@link AcquirerProvider#spiVersion()} reports the version it was <em>compiled</em> against, not
 * the one the gateway runs with. The gateway accepts a provider whose major version equals its own
 * and whose minor version is not newer than its own.
 *
 * <p>Within a major version, a minor version may only add: new optional methods with a default,
 * new factory methods, new enum constants the gateway handles itself. It never removes or changes
 * the meaning of what exists.
 */
public final class AcquirerSpi {
  /** The SPI version, {@code major.minor}. */
  public static final String VERSION = "1.0";

  public static final int MAJOR = 1;
  public static final int MINOR = 0;

  private AcquirerSpi() {}

  /**
   * Whether a host of this SPI version can run a provider compiled against {@code version}.
   *
   * @return {@code null} when it can, otherwise why not, in words fit for an operator
   */
  public static String incompatibility(String version) {
    if (version == null) {
      return "it declares no SPI version";
    }
    String[] parts = version.trim().split("\\.");
    int major;
    int minor;
    try {
      major = Integer.parseInt(parts[0]);
      minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    } catch (NumberFormatException e) {
      return "its SPI version '" + version + "' is not of the form major.minor";
    }
    if (major != MAJOR) {
      return "it was built for SPI " + version + " and this gateway runs SPI " + VERSION
          + " (the major versions differ)";
    }
    if (minor > MINOR) {
      return "it was built for SPI " + version + ", newer than this gateway's SPI " + VERSION;
    }
    return null;
  }
}
