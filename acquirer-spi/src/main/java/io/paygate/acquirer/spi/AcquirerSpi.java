package io.paygate.acquirer.spi;

/**
 * The version of this contract, and the rules for changing it.
 *
 * <p>{@link #VERSION} is a compile-time constant, so a provider that returns it from
 * {@link AcquirerProvider#spiVersion()} reports the version it was <em>compiled</em> against, not
 * the one the gateway runs with.
 *
 * <p><b>What the gateway accepts.</b> A provider whose major version equals the gateway's and
 * whose minor version is the gateway's or older: a gateway on SPI 1.3 runs plug-ins built for 1.0,
 * 1.1, 1.2 and 1.3. A plug-in built for a newer minor (1.4) may use what this gateway lacks, and
 * one built for another major was written against another contract: both are skipped, with the
 * reason, and the other plug-ins load.
 *
 * <p><b>What a minor version may change</b> (so that every older plug-in keeps working, unchanged
 * and without recompiling):
 *
 * <ul>
 *   <li>add a method to an interface a plug-in implements only with a default implementation that
 *       keeps the old behaviour;
 *   <li>add classes, static factory methods, builder methods with a default, and accessors to the
 *       values the gateway hands to a plug-in;
 *   <li>add an enum constant that a plug-in may <em>return</em> (a new outcome), never one the
 *       gateway hands to a plug-in and expects it to understand;
 *   <li>loosen what the gateway accepts (a longer reason code, a new optional setting kind).
 * </ul>
 *
 * <p><b>What needs a new major version:</b> removing or renaming anything; changing a signature;
 * adding an abstract method; changing what an outcome means (above all, what the gateway does with
 * the money when it reads it); tightening what the gateway accepts from a plug-in.
 */
public final class AcquirerSpi {
  /** The SPI version, {@code major.minor}. */
  public static final String VERSION = "1.1";

  public static final int MAJOR = 1;
  public static final int MINOR = 1;

  private AcquirerSpi() {}

  /**
   * Whether a host of this SPI version can run a provider compiled against {@code version}.
   *
   * @return {@code null} when it can, otherwise why not, in words fit for an operator
   */
  public static String incompatibility(String version) {
    return incompatibility(version, MAJOR, MINOR);
  }

  /** {@link #incompatibility(String)} for a host of SPI {@code hostMajor.hostMinor}. */
  static String incompatibility(String version, int hostMajor, int hostMinor) {
    String host = hostMajor + "." + hostMinor;
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
    if (major != hostMajor) {
      return "it was built for SPI " + version + " and this gateway runs SPI " + host
          + " (the major versions differ)";
    }
    if (minor > hostMinor) {
      return "it was built for SPI " + version + ", newer than this gateway's SPI " + host;
    }
    return null;
  }
}
