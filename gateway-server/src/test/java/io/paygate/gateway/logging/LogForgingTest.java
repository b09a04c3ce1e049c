package io.paygate.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The shipped logback.xml: a message with line breaks (a cardholder name such as
 * {@code "Eve\n... INFO ... payment refunded"}) prints as one line, so no input can forge a log
 * entry (OWASP logging cheat sheet, CWE-117); and Jetty's wire dumps never get through.
 */
class LogForgingTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @Test
  void controlCharactersInAMessageCannotStartANewLogLine() {
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    @SuppressWarnings("unchecked")
    Encoder<ILoggingEvent> encoder =
        ((OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE")).getEncoder();
    String name = "Eve\r\n2026-01-01T00:00:00.000Z INFO  [main] payments - refund sent\u001b[2K";
    LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("payments"),
        Level.INFO, "cardholder {}", null, new Object[] {name});

    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n");
    assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n").doesNotContain("\r")
        .doesNotContain("\u001b").contains("Eve\uFFFD\uFFFD2026-01-01");
  }

  @Test
  void jettyDebugOutputIsDroppedWhateverTheLevel() {
    Logger jetty = context.getLogger("org.eclipse.jetty.server.HttpConnection");
    Level before = jetty.getLevel();
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    jetty.addAppender(seen);
    try {
      jetty.setLevel(Level.TRACE);
      jetty.debug("content {<<<{\"cardnumber\":\"4111111111111111\",\"cvv\":\"123\">>>}");
      jetty.trace("more bytes");
      jetty.warn("a warning still passes");
    } finally {
      jetty.detachAppender(seen);
      jetty.setLevel(before);
    }

    assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("a warning still passes");
  }
}
