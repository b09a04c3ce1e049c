package io.paygate.gateway.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops debug and trace events of the HTTP server, whatever level is configured: at those levels
 * Jetty prints the bytes of its buffers, and a request buffer holds a card number and its CVV
 * (PCI DSS 3.3.1, 3.5.1). Jetty's warnings and errors still pass. Installed by logback.xml as a
 * turbo filter, so turning the root logger to TRACE cannot undo it.
 */
public final class NoWireDumps extends TurboFilter {
  private static final String[] WIRE_LOGGERS = {"org.eclipse.jetty", "okhttp3", "okio"};

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format,
      Object[] params, Throwable t) {
    if (level == null || level.isGreaterOrEqual(Level.INFO)) {
      return FilterReply.NEUTRAL;
    }
    String name = logger.getName();
    for (String wire : WIRE_LOGGERS) {
      if (name.startsWith(wire)) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
