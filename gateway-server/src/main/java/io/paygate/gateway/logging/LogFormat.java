package io.paygate.gateway.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Locale;
import java.util.Optional;

/**
 * How the console prints log events ({@code log.format}, {@code PAYGATE_LOG_FORMAT}): lines for
 * people ({@code text}, the default) or one JSON object per line for a log shipper
 * ({@code json}).
 *
 * <p>JSON comes from logback's own {@link JsonEncoder} rather than logstash-logback-encoder: it
 * needs no library beyond logback, while logstash-logback-encoder needs jackson-core and
 * jackson-databind, a JSON stack the gateway otherwise does without (it speaks JSON with Moshi).
 * The price is logback's field names ({@code loggerName}, {@code formattedMessage}, the logging
 * context under {@code mdc}) and an epoch-millisecond {@code timestamp}; log shippers map both.
 */
public enum LogFormat {
  /**
   * One line per event. Control characters in a message (a line break in a cardholder name, say)
   * are replaced, so that no input can forge a log line.
   */
  TEXT {
    @Override
    public Encoder<ILoggingEvent> newEncoder(Context context) {
      TextEncoder encoder = new TextEncoder();
      encoder.setContext(context);
      encoder.start();
      return encoder;
    }
  },
  /**
   * One JSON object per line: {@code timestamp} (epoch ms), {@code level}, {@code threadName},
   * {@code loggerName}, {@code mdc} ({@code requestId}, {@code merchantId}, {@code paymentId},
   * {@code origin} where known), {@code kvpList}, {@code formattedMessage}, {@code throwable}.
   * JSON string escaping turns every control character into {@code \\uXXXX}, so no input can
   * forge a line here either.
   */
  JSON {
    @Override
    public Encoder<ILoggingEvent> newEncoder(Context context) {
      JsonEncoder encoder = new JsonEncoder();
      encoder.setContext(context);
      // Left out: what repeats on every line (the logger context's properties), what is only
      // noise to a reader (sequence numbers, nanoseconds), and the message's pattern and
      // arguments apart, which the formatted message already holds.
      encoder.setWithSequenceNumber(false);
      encoder.setWithNanoseconds(false);
      encoder.setWithContext(false);
      encoder.setWithMessage(false);
      encoder.setWithArguments(false);
      encoder.setWithFormattedMessage(true);
      encoder.start();
      return encoder;
    }
  };

  /** A new, started encoder of this format. */
  public abstract Encoder<ILoggingEvent> newEncoder(Context context);

  /** The format of a setting's value ({@code text} or {@code json}, any case); empty otherwise. */
  public static Optional<LogFormat> parse(String value) {
    for (LogFormat f : values()) {
      if (f.name().equalsIgnoreCase(value.trim())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The setting's value naming this format. */
  public String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
