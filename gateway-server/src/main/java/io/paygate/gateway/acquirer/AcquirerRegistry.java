package io.paygate.gateway.acquirer;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerConfigurationException;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AcquirerSpi;
import io.paygate.acquirer.spi.Setting;
import io.paygate.gateway.config.ConfigException;
import io.paygate.gateway.config.GatewayConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acquirers this gateway can route to, found with {@link ServiceLoader} on the gateway's class
 * path and in every jar of the plug-ins folder ({@link PluginJars}). The gateway never imports a
 * connector's classes.
 *
 * <p>Defensive like SLF4J's provider lookup: a jar that cannot be read, a provider that cannot be
 * instantiated, or one built for an SPI this gateway does not run, is reported by name and
 * skipped. Two providers with one name, or a connector whose configuration is wrong, stop
 * start-up: routing a payment to the wrong bank, or to a misconfigured one, is worse than not
 * starting.
 */
public final class AcquirerRegistry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AcquirerRegistry.class);

  private final Map<String, LoadedAcquirer> byKey;
  private final List<SkippedPlugin> skipped;
  private final PluginJars jars;

  private AcquirerRegistry(
      Map<String, LoadedAcquirer> byKey, List<SkippedPlugin> skipped, PluginJars jars) {
    this.byKey = byKey;
    this.skipped = skipped;
    this.jars = jars;
  }

  /**
   * A provider found, and where.
   *
   * @param pluginLoader the plug-in jar's class loader, or null for the class path
   */
  private record Found(AcquirerProvider provider, String source, ClassLoader pluginLoader) {}

  /**
   * Finds and creates every acquirer on the class loader's path and in the plug-ins folder.
   *
   * @throws ConfigException when two acquirers share a name or one cannot start with its settings
   */
  public static AcquirerRegistry load(GatewayConfig config, ClassLoader loader) {
    List<SkippedPlugin> skipped = new ArrayList<>();
    PluginJars jars = PluginJars.open(config.pluginsDir(), loader, skipped);
    Map<String, LoadedAcquirer> created = new LinkedHashMap<>();
    try {
      Map<String, Found> providers = new LinkedHashMap<>();
      find(loader, null, providers, skipped);
      for (PluginJars.PluginJar jar : jars.jars()) {
        find(jar.loader(), jar.path().toString(), providers, skipped);
      }
      for (Map.Entry<String, Found> e : providers.entrySet()) {
        LoadedAcquirer loaded = create(config, e.getValue(), skipped);
        if (loaded != null) {
          created.put(e.getKey(), loaded);
        }
      }
    } catch (RuntimeException e) {
      created.values().forEach(AcquirerRegistry::closeQuietly);
      jars.close();
      throw e;
    }
    return new AcquirerRegistry(created, List.copyOf(skipped), jars);
  }

  /**
   * Adds the compatible providers of one loader to {@code providers}.
   *
   * @param jar the plug-in jar the loader reads, or null for the class path
   */
  private static void find(ClassLoader loader, String jar,
      Map<String, Found> providers, List<SkippedPlugin> skipped) {
    Iterator<AcquirerProvider> it = ServiceLoader.load(AcquirerProvider.class, loader).iterator();
    while (true) {
      AcquirerProvider provider;
      String name;
      String spiVersion;
      try {
        if (!it.hasNext()) {
          return;
        }
        provider = it.next();
        name = provider.name();
        spiVersion = provider.spiVersion();
      } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
        // One bad provider must not hide the others: report it and go on with the next.
        String missing = MissingClass.of(e);
        skip(skipped, new SkippedPlugin(jar == null ? "a provider on the class path" : jar,
            missing != null ? MissingClass.reason(missing, e)
                : "it could not be loaded: " + withCauses(e)));
        continue;
      }
      String source = jar == null ? sourceOf(provider) : jar;
      if (name == null || name.isBlank()) {
        skip(skipped, new SkippedPlugin(source, provider.getClass().getName() + " has no name"));
        continue;
      }
      String incompatible = AcquirerSpi.incompatibility(spiVersion);
      if (incompatible != null) {
        skip(skipped, new SkippedPlugin(source, "acquirer " + name + ": " + incompatible));
        continue;
      }
      String key = key(name);
      Found earlier = providers.putIfAbsent(key,
          new Found(provider, source, jar == null ? null : loader));
      if (earlier != null) {
        throw new ConfigException("two acquirer plug-ins are named " + name + ": "
            + earlier.source() + " and " + source + "; remove one");
      }
    }
  }

  /** The error and its causes, in one line: the root cause is usually the useful part. */
  private static String withCauses(Throwable e) {
    StringBuilder s = new StringBuilder(e.toString());
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      s.append(", caused by ").append(c);
    }
    return s.toString();
  }

  private static void skip(List<SkippedPlugin> skipped, SkippedPlugin skip) {
    log.warn("plug-in {}", skip);
    skipped.add(skip);
  }

  /**
   * Creates the acquirer of a provider found. A plug-in jar whose classes need a class it does not
   * hold (a library left out of the jar) is skipped, with the jar and the class named, so that the
   * other plug-ins and the gateway keep running: it could never work, and the operator can only
   * fix it by shading. On the class path, the gateway's own build is broken: start-up stops.
   *
   * @return the acquirer, or null when the plug-in was skipped (and added to {@code skipped})
   */
  private static LoadedAcquirer create(GatewayConfig config, Found found,
      List<SkippedPlugin> skipped) {
    try {
      return createOrStop(config, found);
    } catch (LinkageError e) {
      if (found.pluginLoader() == null) {
        throw e;
      }
      String missing = MissingClass.of(e);
      skip(skipped, new SkippedPlugin(found.source(), "acquirer " + found.provider().name() + ": "
          + (missing != null ? MissingClass.reason(missing, e)
              : "it could not be linked: " + withCauses(e))));
      return null;
    }
  }

  private static LoadedAcquirer createOrStop(GatewayConfig config, Found found) {
    AcquirerProvider provider = found.provider();
    AcquirerSettings settings = config.acquirerSettings(provider.name(), provider.settings());
    checkRequired(provider, found.source(), settings);
    LoadedAcquirer loaded;
    try {
      ClassLoader plugin = found.pluginLoader();
      Acquirer acquirer = plugin == null ? provider.create(settings)
          : new PluginAcquirer(PluginAcquirer.inPlugin(plugin, () -> provider.create(settings)),
              plugin);
      loaded = LoadedAcquirer.of(provider, found.source(), acquirer);
    } catch (AcquirerConfigurationException ex) {
      throw new ConfigException(ex.getMessage() + whereToSet(provider, ex.getMessage())
          + " (plug-in " + found.source() + ")", ex);
    } catch (LinkageError ex) {
      if (found.pluginLoader() != null) {
        throw ex; // create() skips the plug-in
      }
      throw new ConfigException("acquirer " + provider.name() + " (" + found.source()
          + ") failed to start: " + ex, ex);
    } catch (RuntimeException ex) {
      throw new ConfigException("acquirer " + provider.name() + " (" + found.source()
          + ") failed to start: " + ex, ex);
    }
    if (loaded.simulator()) {
      log.warn("acquirer {} {} loaded from {}: payments go to a SIMULATOR at {}, not to a bank",
          provider.name(), provider.version(), found.source(), loaded.destination());
    } else {
      log.info("acquirer {} {} loaded from {}, sending payments to {}", provider.name(),
          provider.version(), found.source(), loaded.describeDestination());
    }
    return loaded;
  }

  private static void checkRequired(
      AcquirerProvider provider, String source, AcquirerSettings settings) {
    for (Setting s : provider.settings()) {
      if (s.isRequired() && settings.get(s.name()).isEmpty()) {
        throw new ConfigException("acquirer " + provider.name() + " (plug-in " + source
            + "): setting '" + s.name() + "' is required (" + settingNames(provider, s.name())
            + "): " + s.description());
      }
    }
  }

  /**
   * How to set the declared settings that a connector's message names as {@code 'name'}: a
   * connector knows its settings only by their short names, an operator sets them as
   * {@code acquirer.<name>.<setting>} or {@code PAYGATE_ACQUIRER_<NAME>_<SETTING>}.
   */
  private static String whereToSet(AcquirerProvider provider, String message) {
    StringBuilder names = new StringBuilder();
    for (Setting s : provider.settings()) {
      if (message != null && message.contains("'" + s.name() + "'")) {
        names.append(names.length() == 0 ? " (" : "; ").append(settingNames(provider, s.name()));
      }
    }
    return names.length() == 0 ? "" : names.append(")").toString();
  }

  private static String settingNames(AcquirerProvider provider, String setting) {
    return "acquirer." + provider.name().toLowerCase(Locale.ROOT) + "." + setting
        + " in the configuration file, or PAYGATE_ACQUIRER_"
        + provider.name().toUpperCase(Locale.ROOT) + "_" + setting.toUpperCase(Locale.ROOT);
  }

  private static String sourceOf(AcquirerProvider provider) {
    var domain = provider.getClass().getProtectionDomain();
    var location = domain == null || domain.getCodeSource() == null
        ? null : domain.getCodeSource().getLocation();
    return location == null ? provider.getClass().getName() : location.toString();
  }

  static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  /** The acquirer of that name, matched without case. */
  public Optional<LoadedAcquirer> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(name)));
  }

  public Collection<LoadedAcquirer> all() {
    return Collections.unmodifiableCollection(byKey.values());
  }

  /** Plug-ins and providers that were found but skipped, with the reason, for operators. */
  public List<SkippedPlugin> skipped() {
    return skipped;
  }

  /** Closes every acquirer, then the plug-ins' class loaders. */
  @Override
  public void close() {
    byKey.values().forEach(AcquirerRegistry::closeQuietly);
    jars.close();
  }

  private static void closeQuietly(LoadedAcquirer a) {
    try {
      a.acquirer().close();
    } catch (Exception e) {
      log.warn("acquirer {} failed to close: {}", a.name(), e.toString());
    }
  }
}
