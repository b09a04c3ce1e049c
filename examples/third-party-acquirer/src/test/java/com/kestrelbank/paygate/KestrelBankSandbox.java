package com.kestrelbank.paygate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Kestrel Bank's API, on the JDK's HTTP server: {@code POST /v2/authorisations}
 * takes a form and answers a form with a numeric code; {@code GET /v2/authorisations?merchant_ref=}
 * looks one up. A card whose last digit is odd is approved ({@code 00}); 2, 4, 6 and 8 decline
 * ({@code 51}, {@code 05}, {@code 54}, {@code 59}); 0 answers {@code 91}, issuer unavailable.
 * Idempotent by {@code merchant_ref}. Keeps no card number and no CVV.
 *
 * <p>{@code POST /v2/captures} ({@code merchant_ref}, {@code original_ref}, {@code amount})
 * captures an approved payment, in parts up to its amount; {@code POST /v2/refunds} (the same
 * fields) refunds what was captured, in parts. Each is idempotent by its own {@code merchant_ref}:
 * {@code 00} with a {@code txn}; {@code 13} when the captures would pass the authorised amount, or
 * the refunds the captured one; {@code 25} for no such payment. {@code GET /v2/captures} and
 * {@code GET /v2/refunds} with {@code ?merchant_ref=} look one up.
 */
final class KestrelBankSandbox implements AutoCloseable {
  private static final Map<Character, String> CODES = Map.of(
      '2', "51", '4', "05", '6', "54", '8', "59", '0', "91");

  private final String apiKey;
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  /** Approved payments' amounts, what was captured and refunded of each, by payment reference. */
  private final Map<String, long[]> amounts = new ConcurrentHashMap<>();
  private final Map<String, String> captureAnswers = new ConcurrentHashMap<>();
  private final Map<String, String> refundAnswers = new ConcurrentHashMap<>();
  private final AtomicLong transactions = new AtomicLong();
  private HttpServer server;
  private ExecutorService threads;

  KestrelBankSandbox(String apiKey) {
    this.apiKey = apiKey;
  }

  /**
   * Runs the sandbox on its own for a live demo, until the process is stopped:
   * {@code java -cp target/test-classes:target/classes com.kestrelbank.paygate.KestrelBankSandbox 9090 demo-key}.
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9090;
    String apiKey = args.length > 1 ? args[1] : "demo-key";
    KestrelBankSandbox bank = new KestrelBankSandbox(apiKey).start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(bank::close));
    System.out.println("Kestrel Bank sandbox on " + bank.baseUrl() + ", API key " + apiKey);
  }

  KestrelBankSandbox start() {
    return start(0);
  }

  /** Starts on {@code port} of the loopback interface; 0 for any free port. */
  KestrelBankSandbox start(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads = Executors.newFixedThreadPool(32);
    server.setExecutor(threads);
    server.createContext("/v2/authorisations", this::handle);
    server.createContext("/v2/captures", e -> handleOperation(e, captureAnswers, CAPTURED));
    server.createContext("/v2/refunds", e -> handleOperation(e, refundAnswers, REFUNDED));
    server.start();
    return this;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How many payments the bank holds under this reference: 0 or 1. */
  int paymentsWith(String merchantRef) {
    return answers.containsKey(merchantRef) ? 1 : 0;
  }

  /** How many captures and refunds the bank holds under this reference: 0 or 1. */
  int operationsWith(String merchantRef) {
    return captureAnswers.containsKey(merchantRef) || refundAnswers.containsKey(merchantRef)
        ? 1 : 0;
  }

  /** How many refunds the bank holds under this reference: 0 or 1. */
  int refundsWith(String merchantRef) {
    return refundAnswers.containsKey(merchantRef) ? 1 : 0;
  }

  /** The slots of a payment's {@code long[]}: authorised, captured, refunded. */
  private static final int AUTHORISED = 0;
  private static final int CAPTURED = 1;
  private static final int REFUNDED = 2;

  private void handleOperation(HttpExchange exchange, Map<String, String> answers, int slot)
      throws IOException {
    try (exchange) {
      if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-Kestrel-Key"))) {
        send(exchange, 401, "code=401");
      } else if (exchange.getRequestMethod().equals("POST")) {
        Map<String, String> form = FormBody.decode(
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String ref = form.get("merchant_ref");
        if (ref == null || form.get("original_ref") == null || form.get("amount") == null) {
          send(exchange, 400, "code=30");
          return;
        }
        send(exchange, 200, answers.computeIfAbsent(ref, r -> operate(form, slot)));
      } else if (exchange.getRequestMethod().equals("GET")) {
        String query = exchange.getRequestURI().getRawQuery();
        String answer = answers.get(FormBody.decode(query == null ? "" : query)
            .getOrDefault("merchant_ref", ""));
        send(exchange, answer == null ? 404 : 200, answer == null ? "code=404" : answer);
      } else {
        send(exchange, 405, "code=405");
      }
    }
  }

  /**
   * Decides a new capture (within what was authorised) or refund (within what was captured), or
   * refuses it.
   */
  private String operate(Map<String, String> form, int slot) {
    long[] payment = amounts.get(form.get("original_ref"));
    if (payment == null) {
      return "code=25";
    }
    long amount = Long.parseLong(form.get("amount"));
    synchronized (payment) {
      if (payment[slot] + amount > payment[slot - 1]) {
        return "code=13";
      }
      payment[slot] += amount;
    }
    return "code=00&txn=" + (slot == CAPTURED ? "C" : "R") + transactions.incrementAndGet();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-Kestrel-Key"))) {
        send(exchange, 401, "code=401");
      } else if (exchange.getRequestMethod().equals("POST")) {
        authorise(exchange);
      } else if (exchange.getRequestMethod().equals("GET")) {
        String query = exchange.getRequestURI().getRawQuery();
        String answer = answers.get(FormBody.decode(query == null ? "" : query)
            .getOrDefault("merchant_ref", ""));
        send(exchange, answer == null ? 404 : 200, answer == null ? "code=404" : answer);
      } else {
        send(exchange, 405, "code=405");
      }
    }
  }

  private void authorise(HttpExchange exchange) throws IOException {
    Map<String, String> form = FormBody.decode(
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String ref = form.get("merchant_ref");
    String pan = form.get("pan");
    if (ref == null || pan == null || pan.isEmpty() || form.get("cvc") == null) {
      send(exchange, 400, "code=30");
      return;
    }
    String code = CODES.getOrDefault(pan.charAt(pan.length() - 1), "00");
    if (code.equals("91")) {
      send(exchange, 200, "code=91"); // not processed: nothing recorded
      return;
    }
    String answer = answers.computeIfAbsent(ref, r -> {
      Map<String, String> a = new LinkedHashMap<>();
      a.put("code", code);
      if (code.equals("00")) {
        long n = transactions.incrementAndGet();
        a.put("txn", "K" + n);
        a.put("auth", String.format("%06d", n % 1_000_000));
        amounts.put(r, new long[] {Long.parseLong(form.get("amount")), 0, 0});
      }
      return FormBody.encode(a);
    });
    send(exchange, 200, answer);
  }

  private static void send(HttpExchange exchange, int status, String form) throws IOException {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-www-form-urlencoded");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      threads.shutdownNow();
    }
  }
}
