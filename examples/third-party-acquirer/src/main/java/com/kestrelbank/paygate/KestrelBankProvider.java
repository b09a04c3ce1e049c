package com.kestrelbank.paygate;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerConfigurationException;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AcquirerSpi;
import io.paygate.acquirer.spi.Setting;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The Kestrel Bank connector for Paygate, found by {@link java.util.ServiceLoader} under the name
 * {@code KestrelBank}. Settings: {@code baseUrl} and {@code apiKey} (required), {@code timeout}.
 */
public final class KestrelBankProvider implements AcquirerProvider {

  @Override
  public String name() {
    return "KestrelBank";
  }

  @Override
  public String spiVersion() {
    return AcquirerSpi.VERSION;
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        Setting.required("baseUrl", "The Kestrel Bank API, such as https://api.kestrel.example"),
        Setting.required("apiKey", "The merchant-acquirer key Kestrel Bank issued").secret(),
        Setting.optional("timeout", "How long one call waits for the bank", "5s"));
  }

  @Override
  public Acquirer create(AcquirerSettings settings) {
    URI baseUrl = parseUrl(settings, settings.require("baseUrl"));
    String apiKey = settings.require("apiKey");
    Duration timeout = settings.duration("timeout", Duration.ofSeconds(5));
    return new KestrelBankAcquirer(baseUrl, apiKey, timeout);
  }

  private static URI parseUrl(AcquirerSettings settings, String text) {
    try {
      URI uri = URI.create(text.endsWith("/") ? text : text + "/");
      if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new AcquirerConfigurationException("acquirer " + settings.acquirerName()
        + ": setting 'baseUrl' must be an http or https URL, not '" + text + "'");
  }
}
