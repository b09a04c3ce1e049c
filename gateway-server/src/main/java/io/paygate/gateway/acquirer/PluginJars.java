package io.paygate.gateway.acquirer;

import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.gateway.config.ConfigException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jars of the plug-ins folder, each opened in a class loader of its own whose parent shows it
 * only the JDK and the SPI ({@link SpiOnlyClassLoader}). A jar that cannot be read, or that
 * registers no provider, is reported and skipped; the others load.
 */
final class PluginJars implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PluginJars.class);
  static final String SERVICES_ENTRY = "META-INF/services/" + AcquirerProvider.class.getName();

  /** One jar and the class loader that reads it. */
  record PluginJar(Path path, URLClassLoader loader) {}

  private final List<PluginJar> jars;

  private PluginJars(List<PluginJar> jars) {
    this.jars = jars;
  }

  /**
   * Opens every {@code *.jar} directly in {@code folder}, in name order. A missing folder holds no
   * plug-ins.
   *
   * @param skipped where jars that cannot be used are reported
   */
  static PluginJars open(Path folder, ClassLoader gatewayLoader, List<SkippedPlugin> skipped) {
    List<PluginJar> jars = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      log.info("no plug-ins folder at {}; acquirers come from the class path only",
          folder.toAbsolutePath());
      return new PluginJars(jars);
    }
    SpiOnlyClassLoader parent = new SpiOnlyClassLoader(gatewayLoader);
    for (Path jar : jarsIn(folder)) {
      String problem = unusable(jar);
      if (problem != null) {
        SkippedPlugin skip = new SkippedPlugin(jar.toString(), problem);
        log.warn("plug-in {}", skip);
        skipped.add(skip);
        continue;
      }
      try {
        URL url = jar.toUri().toURL();
        jars.add(new PluginJar(jar, new URLClassLoader(
            "plugin " + jar.getFileName(), new URL[] {url}, parent)));
      } catch (MalformedURLException e) {
        SkippedPlugin skip = new SkippedPlugin(jar.toString(), "its path is not a URL: " + e);
        log.warn("plug-in {}", skip);
        skipped.add(skip);
      }
    }
    return new PluginJars(jars);
  }

  private static List<Path> jarsIn(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
          .filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException("cannot list the plug-ins folder " + folder + " (plugins.dir): "
          + e.getMessage(), e);
    }
  }

  /** Why the jar cannot be a plug-in, or null when it can. */
  private static String unusable(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getEntry(SERVICES_ENTRY) == null) {
        return "it registers no acquirer (it has no " + SERVICES_ENTRY + ")";
      }
      return null;
    } catch (IOException | SecurityException e) {
      return "it is not a readable jar (" + e.getMessage() + ")";
    }
  }

  List<PluginJar> jars() {
    return jars;
  }

  /** Closes the class loaders: the jars' files are released. */
  @Override
  public void close() {
    for (PluginJar jar : jars) {
      try {
        jar.loader().close();
      } catch (IOException e) {
        log.warn("cannot close plug-in {}: {}", jar.path(), e.toString());
      }
    }
  }
}
