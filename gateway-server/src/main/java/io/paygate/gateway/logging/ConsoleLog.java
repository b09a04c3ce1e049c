package io.paygate.gateway.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/**
 * The console appender of logback.xml ({@value #APPENDER}), switched to the configured
 * {@link LogFormat} at start-up. Done here, from the parsed configuration, rather than in
 * logback.xml from the environment, so that {@code log.format} in a configuration file counts as
 * much as {@code PAYGATE_LOG_FORMAT}, and a bad value stops start-up with the other bad settings.
 */
public final class ConsoleLog {
  /** The name of the console appender in logback.xml. */
  public static final String APPENDER = "CONSOLE";

  private ConsoleLog() {}

  /**
   * Prints every event from now on in {@code format}. Does nothing when logging is not logback's
   * or logback.xml has no console appender (an application embedding the gateway logs its way).
   */
  public static void use(LogFormat format) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Appender<ILoggingEvent> appender = root.getAppender(APPENDER);
    if (appender instanceof OutputStreamAppender<ILoggingEvent> console) {
      // Called from main before the server starts, while nothing else logs. The appender is not
      // stopped and started again: stopping it would close its stream.
      console.setEncoder(format.newEncoder(context));
    }
  }
}
