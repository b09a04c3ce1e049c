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
   * Writes the acquirer's status, version and SPI version into the object being written. The
   * status is its circuit breaker's: {@code UP} (closed), {@code OPEN} or {@code HALF_OPEN}.
   */
  public static void writeFields(JsonWriter w, LoadedAcquirer a, CircuitBreaker.State breaker)
      throws IOException {
    w.name("status").value(breaker == CircuitBreaker.State.CLOSED ? "UP" : breaker.name());
    w.name("version").value(a.version());
    w.name("spiVersion").value(a.spiVersion());
  }
}
