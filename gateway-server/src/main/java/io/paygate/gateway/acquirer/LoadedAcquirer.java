package io.paygate.gateway.acquirer;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.Operation;
import java.util.Set;

/**
 * An acquirer the gateway has created from its provider, with what operators need to see.
 *
 * @param destination where it sends payments, as the connector says; null when it does not
 * @param simulator whether payments go to a simulator, not a bank (no money moves)
 */
public record LoadedAcquirer(String name, String version, String spiVersion, String source,
    String destination, boolean simulator, Acquirer acquirer) {

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

  /**
   * Asks the connector once, at start-up, where it sends payments. A connector that fails to say
   * is not refused for it (these are information for operators): it says nothing.
   */
  static LoadedAcquirer of(AcquirerProvider provider, String source, Acquirer acquirer) {
    String destination;
    boolean simulator;
    try {
      destination = acquirer.destination();
      simulator = acquirer.simulator();
    } catch (RuntimeException | LinkageError e) {
      destination = null;
      simulator = false;
    }
    return new LoadedAcquirer(provider.name(), provider.version(), provider.spiVersion(), source,
        destination, simulator, acquirer);
  }

  /** One line for operators: where payments go, and plainly when it is a simulator. */
  public String describeDestination() {
    String where = destination == null ? "an address it does not tell" : destination;
    return simulator ? "SIMULATOR at " + where + " (no bank, no money moves)" : where;
  }
}
