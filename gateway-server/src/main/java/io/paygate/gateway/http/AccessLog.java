package io.paygate.gateway.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One INFO line per HTTP exchange on the logger {@value #LOGGER}, written when the answer has
 * gone out: method, route template, status, duration in milliseconds (and the request id, in the
 * logging context as on every line). The route is the template ({@code /api/history/{id}}), never
 * the path as sent, so no id, query string or token reaches the line; an exchange no route served
 * (an unknown path, an error of the HTTP server itself) shows {@value #UNMATCHED}.
 *
 * <p>The method, status and duration are also given as key-value pairs, which the JSON log format
 * prints as fields ({@code kvpList}).
 */
public final class AccessLog {
  /** The logger of the lines. */
  public static final String LOGGER = "paygate.access";
  /** The route of an exchange that no route served. */
  public static final String UNMATCHED = "(unmatched)";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);
  /**
   * The exchange being handled on this thread. Jersey and the payment endpoint run on the thread
   * that {@link RequestContextHandler} handed the request to, so they can name the route here.
   */
  private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

  private AccessLog() {}

  /** One exchange, from its start to its line. */
  static final class Exchange {
    private final String method;
    private final String requestId;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean written = new AtomicBoolean();
    private volatile String route;
    private volatile String merchantId;

    Exchange(String method, String requestId) {
      this.method = method;
      this.requestId = requestId;
    }
  }

  /** Starts an exchange on this thread. */
  static Exchange begin(String method, String requestId) {
    Exchange x = new Exchange(method, requestId);
    CURRENT.set(x);
    return x;
  }

  /** The request handler has returned: what it learnt (the merchant) is kept for the line. */
  static void leave(Exchange x) {
    String merchant = MDC.get("merchantId");
    if (merchant != null) {
      x.merchantId = merchant;
    }
    CURRENT.remove();
  }

  /**
   * Names the route template of the exchange handled on this thread, as the API document spells
   * it ({@code /api/history/{id}}). Never pass a path as sent.
   */
  public static void route(String template) {
    Exchange x = CURRENT.get();
    if (x != null) {
      x.route = template;
    }
  }

  /** Writes the exchange's line, once, whatever calls it again. */
  static void write(Exchange x, int status) {
    if (!x.written.compareAndSet(false, true) || !log.isInfoEnabled()) {
      return;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - x.startNanos);
    String route = x.route == null ? UNMATCHED : x.route;
    // The answer may complete on another thread than the one that handled the request: give the
    // line the exchange's own context there, and leave that thread's as it was.
    boolean foreign = !x.requestId.equals(MDC.get("requestId"));
    if (foreign) {
      MDC.put("requestId", x.requestId);
      if (x.merchantId != null) {
        MDC.put("merchantId", x.merchantId);
      }
    }
    try {
      log.atInfo().addKeyValue("method", x.method).addKeyValue("route", route)
          .addKeyValue("status", status).addKeyValue("durationMs", millis)
          .log("{} {} {} {}ms", x.method, route, status, millis);
    } finally {
      if (foreign) {
        MDC.remove("requestId");
        MDC.remove("merchantId");
      }
    }
  }
}
