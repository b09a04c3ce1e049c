package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.acquirer.CircuitBreaker;
import io.paygate.gateway.acquirer.LoadedAcquirer;
import java.io.IOException;

/**
 * What an operator sees of one loaded acquirer, in {@code GET /ready} and
 * {@code GET /admin/acquirers} alike: written in this one place so the two never disagree.
 */
public final class AcquirerStatusJson {
  private AcquirerStatusJson() {}

  /**
   * Writes {@code "warnings": [...]}, one sentence per acquirer that sends payments to a simulator,
   * or nothing when none does.
   */
  public static void writeSimulatorWarnings(JsonWriter w, Iterable<LoadedAcquirer> acquirers)
      throws IOException {
    boolean any = false;
    for (LoadedAcquirer a : acquirers) {
      if (a.simulator()) {
        if (!any) {
          w.name("warnings").beginArray();
          any = true;
        }
        w.value(simulatorWarning(a));
      }
    }
    if (any) {
      w.endArray();
    }
  }

  /** The sentence that says an acquirer is a simulator, the same on start-up and in JSON. */
  public static String simulatorWarning(LoadedAcquirer a) {
    return "acquirer " + a.name() + " sends payments to a SIMULATOR"
        + (a.destination() == null ? "" : " at " + a.destination())
        + ", not to a bank: no money moves. For a real bank set acquirer."
        + a.name().toLowerCase(java.util.Locale.ROOT) + ".baseUrl (or what its plug-in needs)"
        + " instead of its simulator setting.";
  }

  /**
   * Writes the acquirer's status, version, SPI version, whether it is a simulator and where it
   * sends payments into the object being written. The status is its circuit breaker's:
   * {@code UP} (closed), {@code OPEN} or {@code HALF_OPEN}.
   */
  public static void writeFields(JsonWriter w, LoadedAcquirer a, CircuitBreaker.State breaker)
      throws IOException {
    w.name("status").value(breaker == CircuitBreaker.State.CLOSED ? "UP" : breaker.name());
    w.name("version").value(a.version());
    w.name("spiVersion").value(a.spiVersion());
    // Said plainly, so that nobody mistakes a demonstration for a gateway taking real payments.
    w.name("simulator").value(a.simulator());
    w.name("destination").value(a.destination());
  }
}
