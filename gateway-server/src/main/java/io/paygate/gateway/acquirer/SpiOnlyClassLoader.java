package io.paygate.gateway.acquirer;

import java.util.List;

/**
 * The parent of every plug-in's class loader: it shows a plug-in the JDK, the acquirer SPI and the
 * SLF4J API, and nothing else of the gateway. A plug-in therefore brings its own libraries (any
 * version of OkHttp, Jackson...) without meeting the gateway's, and two plug-ins can carry two
 * versions of one library side by side.
 *
 * <p>The SPI classes must be the gateway's own: a provider is only an {@code AcquirerProvider} to
 * the gateway if both see one and the same {@code Class}. The SLF4J API is shared so that a
 * plug-in's log lines go to the gateway's log (a private copy would find no logging backend and
 * drop them); its API has been stable across 1.7 and 2.x.
 */
final class SpiOnlyClassLoader extends ClassLoader {
  /** Packages a plug-in gets from the gateway, whatever copy it carries itself. */
  static final List<String> SHARED_PACKAGES = List.of("io.paygate.acquirer.spi.", "org.slf4j.");

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
    for (String shared : SHARED_PACKAGES) {
      if (name.startsWith(shared)) {
        return Class.forName(name, false, gatewayLoader);
      }
    }
    return super.loadClass(name, resolve);
  }
}
