package io.paygate.examples.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paygate.sdk.Payment;
import io.paygate.sdk.WebhookEvent;
import io.paygate.sdk.WebhookSignatureException;
import io.paygate.sdk.Webhooks;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A webhook receiver in one page: the JDK's HTTP server, {@link Webhooks#verify} on every
 * request, duplicates skipped by event id, each event printed.
 *
 * <pre>
 * PAYGATE_WEBHOOK_SECRET=whsec_... java -cp ... io.paygate.examples.webhooks.WebhookReceiver --port 4242
 * </pre>
 *
 * <p>Register {@code https://your-host:4242/webhooks} with {@code POST /api/webhooks/endpoints}
 * and put the secret it answers in {@code PAYGATE_WEBHOOK_SECRET} (or {@code --secret}).
 */
public final class WebhookReceiver implements AutoCloseable {
  /** How old a signature may be: older requests are refused as replays. */
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final HttpServer server;
  // Events arrive at least once: remember the ids handled. A real receiver keeps them in its
  // database, in the transaction that acts on the event.
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  /**
   * Listens on {@code port} (0 for a free one) at {@code /webhooks}; each new verified event goes
   * to {@code onEvent}.
   */
  public static WebhookReceiver start(String host, int port, String secret,
      Consumer<WebhookEvent> onEvent) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    WebhookReceiver receiver = new WebhookReceiver(server);
    server.createContext("/webhooks", exchange -> receiver.handle(exchange, secret, onEvent));
    server.start();
    return receiver;
  }

  private void handle(HttpExchange exchange, String secret, Consumer<WebhookEvent> onEvent)
      throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      WebhookEvent event;
      try {
        event = Webhooks.verify(body,
            exchange.getRequestHeaders().getFirst(Webhooks.SIGNATURE_HEADER), secret, TOLERANCE);
      } catch (WebhookSignatureException e) {
        // Not from our gateway, or replayed: refuse it and act on nothing.
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      if (seen.add(event.id())) {
        onEvent.accept(event);
      }
      // Answer quickly: the gateway waits a few seconds at most and then tries again.
      exchange.sendResponseHeaders(204, -1);
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** One line per event, as the example prints them. */
  public static String describe(WebhookEvent e) {
    Payment p = e.payment();
    String what = p == null ? e.dataJson()
        : "payment " + p.id() + " " + p.status() + " " + p.amount() + " card " + p.cardNumber();
    return e.createdAt() + " " + e.type() + " " + e.id() + ": " + what;
  }

  public static void main(String[] args) throws IOException {
    run(args, System.getenv(), System.out);
  }

  static WebhookReceiver run(String[] args, Map<String, String> env, PrintStream out)
      throws IOException {
    String secret = env.get("PAYGATE_WEBHOOK_SECRET");
    int port = 4242;
    String host = "0.0.0.0";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--secret" -> secret = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--host" -> host = args[i + 1];
        default -> throw new IllegalArgumentException("unknown setting " + args[i]
            + "; known are --secret, --port, --host");
      }
    }
    if (secret == null) {
      throw new IllegalArgumentException("the endpoint's secret is needed: --secret or"
          + " PAYGATE_WEBHOOK_SECRET");
    }
    WebhookReceiver receiver = start(host, port, secret, e -> out.println(describe(e)));
    out.println("listening for webhooks on http://" + host + ":" + receiver.port() + "/webhooks");
    return receiver;
  }
}
