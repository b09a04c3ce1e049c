package io.paygate.gateway.acquirer;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.Operation;
import java.util.Set;

/** An acquirer the gateway has created from its provider, with what operators need to see. */
public record LoadedAcquirer(
    String name, String version, String spiVersion, String source, Acquirer acquirer) {

  /**
   * Whether the acquirer declares {@code operation}. A plug-in whose declaration throws or is null
   * supports authorisation only.
   */
  public boolean supports(Operation operation) {
    if (operation == Operation.AUTHORISE) {
      return true;
    }
    try {
      Set<Operation> supported = acquirer.supportedOperations();
      return supported != null && supported.contains(operation);
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  static LoadedAcquirer of(AcquirerProvider provider, String source, Acquirer acquirer) {
    return new LoadedAcquirer(
        provider.name(), provider.version(), provider.spiVersion(), source, acquirer);
  }
}
