package io.paygate.gateway.acquirer;

/**
 * The parent of every plug-in's class loader: it shows a plug-in the JDK and the acquirer SPI, and
 * nothing else of the gateway. A plug-in therefore brings its own libraries (any version of OkHttp,
 * Jackson, SLF4J...) without meeting the gateway's, and two plug-ins can carry two versions of one
 * library side by side.
 *
 * <p>The SPI classes must be the gateway's own: a provider is only an {@code AcquirerProvider} to
 * the gateway if both see one and the same {@code Class}.
 */
final class SpiOnlyClassLoader extends ClassLoader {
  static final String SPI_PACKAGE = "io.paygate.acquirer.spi.";

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader gatewayLoader;

  /** @param gatewayLoader the loader the gateway's SPI classes come from */
  SpiOnlyClassLoader(ClassLoader gatewayLoader) {
    // Parent: the platform loader, which sees the JDK (java.*, javax.*, java.net.http, ...) and
    // no class path. Resources come from it alone, so the gateway's META-INF/services stay hidden.
    super("paygate-plugin-parent", ClassLoader.getPlatformClassLoader());
    this.gatewayLoader = gatewayLoader;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(SPI_PACKAGE)) {
      return Class.forName(name, false, gatewayLoader);
    }
    return super.loadClass(name, resolve);
  }
}
