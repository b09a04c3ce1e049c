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
import com.squareup.moshi.Moshi;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The shipped log formats (text and JSON, see {@link LogFormat}): a message with line breaks (a cardholder name such as
 * {@code "Eve\n... INFO ... payment refunded"}) prints as one line, so no input can forge a log
 * entry (OWASP logging cheat sheet, CWE-117); and Jetty's wire dumps never get through.
 */
class LogForgingTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  private static final String FORGED =
      "Eve\r\n2026-01-01T00:00:00.000Z INFO  [main] payments - refund sent\u001b[2K";

  @ParameterizedTest
  @EnumSource(LogFormat.class)
  void controlCharactersInAMessageCannotStartANewLogLine(LogFormat format) {
    String line = encode(format.newEncoder(context));

    assertThat(line).endsWith("\n");
    assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n").doesNotContain("\r")
        .doesNotContain("\u001b");
  }

  @Test
  void textReplacesControlCharacters() {
    assertThat(encode(LogFormat.TEXT.newEncoder(context))).contains("Eve\uFFFD\uFFFD2026-01-01");
  }

  @Test
  void jsonEscapesControlCharactersAndKeepsTheMessageWhole() throws Exception {
    MDC.put("requestId", "req-1");
    String line;
    try {
      line = encode(LogFormat.JSON.newEncoder(context));
    } finally {
      MDC.remove("requestId");
    }

    assertThat(line).contains("Eve\\r\\n2026").contains("\\u001B[2K");
    Map<?, ?> json = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class)
        .fromJson(line.trim());
    assertThat(json.get("formattedMessage")).isEqualTo("cardholder " + FORGED);
    assertThat(json.get("level")).isEqualTo("INFO");
    assertThat(json.get("loggerName")).isEqualTo("payments");
    assertThat(json.get("timestamp")).isInstanceOf(Double.class);
    assertThat(((Map<?, ?>) json.get("mdc")).get("requestId")).isEqualTo("req-1");
  }

  @Test
  void theConsolePrintsTextUnlessToldOtherwise() {
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    @SuppressWarnings("unchecked")
    Encoder<ILoggingEvent> encoder =
        ((OutputStreamAppender<ILoggingEvent>) root.getAppender(ConsoleLog.APPENDER)).getEncoder();

    assertThat(encoder).isInstanceOf(TextEncoder.class);
  }

  private String encode(Encoder<ILoggingEvent> encoder) {
    LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("payments"),
        Level.INFO, "cardholder {}", null, new Object[] {FORGED});
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
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
