package io.paygate.gateway.acquirer;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerProvider;

/** An acquirer the gateway has created from its provider, with what operators need to see. */
public record LoadedAcquirer(
    String name, String version, String spiVersion, String source, Acquirer acquirer) {

  static LoadedAcquirer of(AcquirerProvider provider, String source, Acquirer acquirer) {
    return new LoadedAcquirer(
        provider.name(), provider.version(), provider.spiVersion(), source, acquirer);
  }
}
