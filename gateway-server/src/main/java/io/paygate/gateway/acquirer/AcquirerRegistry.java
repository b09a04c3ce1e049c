package io.paygate.gateway.acquirer;

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
 * The acquirers this gateway can route to, found with {@link ServiceLoader}. The gateway never
 * imports a connector's classes.
 *
 * <p>Defensive like SLF4J's provider lookup: a provider that cannot be instantiated, or was built
 * for an SPI this gateway does not run, is reported by name and skipped. Two providers with one
 * name, or a connector whose configuration is wrong, stop start-up: routing a payment to the wrong
 * bank, or to a misconfigured one, is worse than not starting.
 */
public final class AcquirerRegistry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AcquirerRegistry.class);

  private final Map<String, LoadedAcquirer> byKey;
  private final List<String> problems;

  private AcquirerRegistry(Map<String, LoadedAcquirer> byKey, List<String> problems) {
    this.byKey = byKey;
    this.problems = problems;
  }

  /** Finds and creates every acquirer on the class loader's path. */
  public static AcquirerRegistry load(GatewayConfig config, ClassLoader loader) {
    Map<String, AcquirerProvider> providers = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    Iterator<AcquirerProvider> it = ServiceLoader.load(AcquirerProvider.class, loader).iterator();
    while (true) {
      AcquirerProvider provider;
      try {
        if (!it.hasNext()) {
          break;
        }
        provider = it.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        String problem = "an acquirer provider could not be loaded and was skipped: " + e.getMessage();
        log.warn(problem);
        problems.add(problem);
        continue;
      }
      String source = sourceOf(provider);
      String name = provider.name();
      String incompatible = AcquirerSpi.incompatibility(provider.spiVersion());
      if (incompatible != null) {
        String problem = "acquirer " + name + " (" + source + ") was skipped: " + incompatible;
        log.warn(problem);
        problems.add(problem);
        continue;
      }
      String key = key(name);
      if (providers.containsKey(key)) {
        throw new ConfigException("two acquirer plug-ins are named " + name + ": "
            + sources.get(key) + " and " + source + "; remove one");
      }
      providers.put(key, provider);
      sources.put(key, source);
    }

    Map<String, LoadedAcquirer> created = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, AcquirerProvider> e : providers.entrySet()) {
        AcquirerProvider provider = e.getValue();
        AcquirerSettings settings = config.acquirerSettings(provider.name());
        checkRequired(provider, settings);
        try {
          created.put(e.getKey(), LoadedAcquirer.of(provider, sources.get(e.getKey()),
              provider.create(settings)));
        } catch (AcquirerConfigurationException ex) {
          throw new ConfigException(ex.getMessage(), ex);
        } catch (RuntimeException ex) {
          throw new ConfigException("acquirer " + provider.name() + " failed to start: " + ex, ex);
        }
        log.info("acquirer {} {} loaded from {}", provider.name(), provider.version(),
            sources.get(e.getKey()));
      }
    } catch (RuntimeException e) {
      created.values().forEach(AcquirerRegistry::closeQuietly);
      throw e;
    }
    return new AcquirerRegistry(created, List.copyOf(problems));
  }

  private static void checkRequired(AcquirerProvider provider, AcquirerSettings settings) {
    for (Setting s : provider.settings()) {
      if (s.isRequired() && settings.get(s.name()).isEmpty()) {
        throw new ConfigException("acquirer " + provider.name() + ": setting '" + s.name()
            + "' is required (acquirer." + provider.name().toLowerCase(Locale.ROOT) + "."
            + s.name() + " in the configuration file, or PAYGATE_ACQUIRER_"
            + provider.name().toUpperCase(Locale.ROOT) + "_" + s.name().toUpperCase(Locale.ROOT)
            + "): " + s.description());
      }
    }
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

  /** Providers that were found but skipped, in words for operators. */
  public List<String> problems() {
    return problems;
  }

  @Override
  public void close() {
    byKey.values().forEach(AcquirerRegistry::closeQuietly);
  }

  private static void closeQuietly(LoadedAcquirer a) {
    try {
      a.acquirer().close();
    } catch (Exception e) {
      log.warn("acquirer {} failed to close: {}", a.name(), e.toString());
    }
  }
}
