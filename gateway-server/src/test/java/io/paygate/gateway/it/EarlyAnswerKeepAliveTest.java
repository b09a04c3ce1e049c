package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.RawHttp;
import io.paygate.gateway.support.TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer given before the request's body was read never leaves a kept-alive connection that
 * the server then closes without saying so (issue 15): after each such answer, either it said
 * {@code Connection: close}, or the next request on the same connection is answered.
 *
 * <p>The body follows the headers after a delay (0 to 50 ms), as a client on a busy machine
 * sends it: the answer is given before the body has arrived. Before the fix, most connections
 * were closed after a 401 without {@code Connection: close}. Runs beside busy threads, since the
 * failure first showed up under load.
 */
class EarlyAnswerKeepAliveTest {
  private static final int RUNS = 200;
  private static final int MAX_BODY = 1024;

  @TempDir static Path dir;
  static TestGateway gw;
  static String merchantToken;
  static String limitedToken;

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of("max.body.bytes", String.valueOf(MAX_BODY),
        "rate.limit.merchant.reads.per.second", "1", "rate.limit.merchant.writes.per.second", "1"));
    merchantToken = gw.newMerchantToken();
    limitedToken = gw.newMerchantToken();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  /** One kind of early answer: the request that provokes it and the status expected. */
  record Case(String name, String method, String path, String headers, String body,
      List<Integer> statuses) {}

  @Test
  void everyEarlyAnswerKeepsItsConnectionOrSaysItClosesIt() throws Exception {
    String payment = TestGateway.payment("4242 4242 4242 4242", "1.00", "EUR");
    String merchant = "{\"login\":\"x\",\"name\":\"x\",\"password\":\"Correct-horse-9-battery\","
        + "\"acquiringbank\":\"PiggyBank\"}";
    List<Case> cases = List.of(
        new Case("401 payment without a token", "POST", "/api/process",
            "Content-Type: application/json\r\n", payment, List.of(401)),
        new Case("401 payment without a token, chunked body", "POST", "/api/process",
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
            Integer.toHexString(payment.length()) + "\r\n" + payment + "\r\n0\r\n\r\n",
            List.of(401)),
        new Case("401 merchant creation without the operator key", "POST", "/createuser",
            "Content-Type: application/json\r\n", merchant, List.of(401)),
        new Case("403 merchant creation with a merchant token", "POST", "/createuser",
            "Content-Type: application/json\r\nAuthorization: Bearer " + merchantToken + "\r\n",
            merchant, List.of(403)),
        new Case("404 no such path", "POST", "/no/such/path",
            "Content-Type: application/json\r\n", payment, List.of(404)),
        new Case("405 PUT on the payment endpoint", "PUT", "/api/process",
            "Content-Type: application/json\r\n", payment, List.of(405)),
        new Case("405 POST on a Jersey resource", "POST", "/health",
            "Content-Type: application/json\r\n", payment, List.of(405)),
        new Case("413 body over the limit", "POST", "/createuser",
            "Content-Type: application/json\r\nAuthorization: Bearer "
                + TestGateway.OPERATOR_KEY + "\r\n",
            "{\"name\":\"" + "x".repeat(3 * MAX_BODY) + "\"}", List.of(413)),
        new Case("415 payment that is not JSON", "POST", "/api/process",
            "Content-Type: text/plain\r\n", payment, List.of(415)),
        // One request a second is let through (and answered after reading the body): the rest
        // are refused before it is read.
        new Case("429 merchant over its rate limit", "POST", "/api/process",
            "Content-Type: application/json\r\nAuthorization: Bearer " + limitedToken + "\r\n",
            "{}", List.of(429, 400)));

    AtomicBoolean done = new AtomicBoolean();
    List<Thread> load = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread busy = new Thread(() -> {
        long x = 0;
        while (!done.get()) {
          x += System.nanoTime() % 7; // CPU work, no waiting
        }
        if (x == 42) {
          System.out.print(""); // keeps the loop from being optimised away
        }
      }, "cpu-load-" + i);
      busy.setDaemon(true);
      busy.start();
      load.add(busy);
    }
    ExecutorService pool = Executors.newFixedThreadPool(cases.size());
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (Case c : cases) {
        results.add(pool.submit(() -> run(c)));
      }
      List<String> failures = new ArrayList<>();
      for (Future<List<String>> r : results) {
        failures.addAll(r.get());
      }

      assertThat(failures).as("connections dropped after an answer that kept them alive")
          .isEmpty();
    } finally {
      done.set(true);
      pool.shutdownNow();
      for (Thread t : load) {
        t.join();
      }
    }
  }

  @Test
  void aClientWaitingForContinueIsToldTheConnectionCloses() throws IOException {
    try (RawHttp connection = RawHttp.connect(gw.gateway().port())) {
      connection.send("POST /api/process HTTP/1.1\r\nHost: gateway\r\n"
          + "Content-Type: application/json\r\nContent-Length: 100\r\n"
          + "Expect: 100-continue\r\n\r\n");
      RawHttp.Answer answer = connection.read();

      // RFC 9110 10.1.1: the client may now send the body or not; only a close is unambiguous.
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.closes()).as(answer.toString()).isTrue();
    }
  }

  /** {@link #RUNS} exchanges of one case: what went wrong in each, if anything. */
  private static List<String> run(Case c) throws IOException, InterruptedException {
    List<String> failures = new ArrayList<>();
    byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
    String head = c.method() + " " + c.path() + " HTTP/1.1\r\nHost: gateway\r\n" + c.headers()
        + (c.headers().contains("chunked") ? "" : "Content-Length: " + body.length + "\r\n")
        + "\r\n";
    int expectedSeen = 0;
    for (int i = 0; i < RUNS; i++) {
      long delayMillis = i % 51;
      try (RawHttp connection = RawHttp.connect(gw.gateway().port())) {
        connection.send(head);
        Thread.sleep(delayMillis); // the point of the test: the body comes later
        connection.send(body);
        RawHttp.Answer first = connection.read();
        if (first == null || !c.statuses().contains(first.status())) {
          failures.add(c.name() + ", run " + i + ": unexpected first answer " + first);
          continue;
        }
        expectedSeen += first.status() == c.statuses().get(0) ? 1 : 0;
        if (first.closes()) {
          continue;
        }
        RawHttp.Answer second;
        try {
          connection.send("GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n");
          second = connection.read();
        } catch (IOException e) {
          second = null;
        }
        if (second == null || second.status() != 200) {
          failures.add(c.name() + ", run " + i + " (body " + delayMillis + " ms after the"
              + " headers): the answer kept the connection alive, but the next request got "
              + (second == null ? "no answer (connection closed)" : second.toString()));
        }
      }
    }
    if (expectedSeen < RUNS / 2) {
      failures.add(c.name() + ": only " + expectedSeen + " of " + RUNS + " runs answered "
          + c.statuses().get(0));
    }
    return failures;
  }
}
