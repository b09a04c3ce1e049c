package io.paygate.gateway.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;

/**
 * The {@code text} log format's encoder: one line per event, time in UTC, the request id, and the
 * message with every control character (a line break in a cardholder name, an escape sequence)
 * replaced by U+FFFD, so that no input can forge a log line (OWASP logging cheat sheet, CWE-117).
 * A class rather than a pattern in logback.xml, so that the console's default and
 * {@link LogFormat#TEXT} are the same encoder.
 */
public final class TextEncoder extends PatternLayoutEncoder {
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread]"
      + " %logger{24} %X{requestId} - %replace(%msg){'\\p{Cntrl}','\uFFFD'}%n";

  public TextEncoder() {
    setPattern(PATTERN);
  }
}
