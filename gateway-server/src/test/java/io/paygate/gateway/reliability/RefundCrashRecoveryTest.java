package io.paygate.gateway.reliability;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.db.Database;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.GatewayProcess;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.SimulatorProcess;
import io.paygate.gateway.support.TestGateway;
import io.paygate.gateway.support.WebhookReceiver;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway killed with SIGKILL at random moments while concurrent clients send partial refunds
 * of captured payments, each retried with its idempotency key until it gets a final answer, and
 * while the webhook events of those refunds are being delivered. The Piggy Bank simulator runs as
 * its own process; its operations ledger is the record: no refund acknowledged is lost, none is
 * made twice at the bank, and no payment is refunded beyond what was captured. The gateway's
 * outbox, read after the last kill, is the record of events: every event committed, before a kill
 * or after, reached the receiver at least once (by event id), and the receiver got none other.
 *
 * <p>{@code -Dcrash.seed=N} replays a run; {@code -Dcrash.refunds} and {@code -Dcrash.kills} size
 * it.
 */
class RefundCrashRecoveryTest {
  private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
  private static final int PAYMENTS = 4;
  private static final long CAPTURED = 5_000; // 50.00 EUR each
  private static final int CLIENTS = 6;
  private static final int REFUNDS_PER_CLIENT = Integer.getInteger("crash.refunds", 12);
  private static final int KILLS = Integer.getInteger("crash.kills", 3);

  @TempDir Path dir;

  record Refund(String key, String paymentId, long amountMinor) {}

  private volatile Http gateway;
  /** The first final answer of each refund key: the operation id and its status, or "422". */
  private final Map<String, String[]> firstFinal = new ConcurrentHashMap<>();
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger cutOff = new AtomicInteger();

  @Test
  void noRefundIsLostOrMadeTwiceAndNoneExceedsTheCapturedAmount() throws Exception {
    System.out.println("RefundCrashRecoveryTest seed " + SEED);
    Random random = new Random(SEED);
    try (SimulatorProcess bank = SimulatorProcess.start("20ms");
        WebhookReceiver receiver = new WebhookReceiver()) {
      Map<String, String> env = new HashMap<>(Map.of(
          "PAYGATE_ACQUIRER_PIGGYBANK_BASEURL", bank.baseUrl(),
          "PAYGATE_ACQUIRER_TIMEOUT", "2s",
          "PAYGATE_RECONCILE_INTERVAL", "250ms",
          "PAYGATE_RECONCILE_MARGIN", "300ms"));
      // The receiver is on 127.0.0.1 over plain HTTP; short retries, and a short lease (the
      // attempt timeout plus 5 s) so that deliveries a kill cut short go out again soon.
      env.putAll(Map.of(
          "PAYGATE_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true",
          "PAYGATE_WEBHOOKS_ALLOW_HTTP", "true",
          "PAYGATE_WEBHOOKS_RETRY_BASE", "100ms",
          "PAYGATE_WEBHOOKS_RETRY_MAX_DELAY", "500ms",
          "PAYGATE_WEBHOOKS_RETRY_ATTEMPTS", "100",
          "PAYGATE_WEBHOOKS_POLL_INTERVAL", "100ms",
          "PAYGATE_WEBHOOKS_TIMEOUT", "1s"));
      GatewayProcess gw = GatewayProcess.start(dir, env);
      try {
        gateway = gw.http();
        String token = merchantToken(gateway);
        subscribe(token, receiver);
        List<String> payments = capturedPayments(token);
        List<List<Refund>> work = plan(random, payments);
        int total = CLIENTS * REFUNDS_PER_CLIENT;

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (List<Refund> refunds : work) {
          done.add(clients.submit(() -> refunds.forEach(r -> refundUntilFinal(token, r))));
        }
        for (int k = 1; k <= KILLS; k++) {
          int at = total * k / (KILLS + 1) + random.nextInt(Math.max(1, total / (KILLS + 1) / 2));
          await().atMost(Duration.ofSeconds(90)).until(() -> answered.get() >= at);
          gw.kill();
          gw = GatewayProcess.start(dir, env);
          gateway = gw.http();
        }
        for (Future<?> f : done) {
          f.get();
        }
        clients.shutdown();

        Http http = gateway;
        Map<String, Map<String, Object>> settled = new HashMap<>();
        for (String id : payments) {
          settled.put(id, await().atMost(Duration.ofSeconds(30)).until(
              () -> http.get("/api/payments/" + id, token).json(),
              p -> operations(p).stream().allMatch(op -> !op.get("status").equals("Pending")
                  && !op.get("status").equals("Unknown"))));
        }
        check(settled, bank.operations());
        awaitEvents(settled, receiver);
      } finally {
        gw.close();
      }
      checkEvents(receiver);
    }
  }

  /** Registers the receiver for the captures' and the refunds' events. */
  private void subscribe(String token, WebhookReceiver receiver) {
    Http.Answer a = gateway.post("/api/webhooks/endpoints", token, "{\"url\":\""
        + receiver.url() + "\",\"events\":[\"capture.succeeded\",\"refund.succeeded\","
        + "\"refund.declined\",\"refund.failed\",\"refund.unknown\"]}");
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
  }

  /**
   * Waits until the receiver has each payment's capture event and the event of every refund's
   * final outcome. Events of a payment are delivered in order, so each earlier one of the same
   * payment (a {@code refund.unknown}) has been delivered by then too.
   */
  private static void awaitEvents(Map<String, Map<String, Object>> settled,
      WebhookReceiver receiver) {
    Map<String, String> expected = new HashMap<>(); // operation id -> event type
    for (Map<String, Object> p : settled.values()) {
      for (Map<String, Object> op : operations(p)) {
        expected.put((String) op.get("id"), op.get("type") + "."
            + ((String) op.get("status")).toLowerCase(Locale.ROOT));
      }
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Map<String, Set<String>> got = new HashMap<>();
      for (WebhookReceiver.Received r : receiver.received()) {
        got.computeIfAbsent((String) r.data().get("id"), k -> new HashSet<>())
            .add(r.type());
      }
      expected.forEach((op, type) ->
          assertThat(got.getOrDefault(op, Set.of())).as("events of %s", op)
              .contains(type));
    });
  }

  /** The outbox, read once the gateway is dead: every event in it arrived, and no other. */
  private void checkEvents(WebhookReceiver receiver) throws SQLException {
    Set<String> committed = new HashSet<>();
    try (Connection c = DriverManager.getConnection(Database.embeddedUrl(dir), "sa", "");
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT event_id FROM webhook_deliveries")) {
      while (rs.next()) {
        committed.add(rs.getString(1));
      }
    }
    List<String> received = receiver.received().stream().map(WebhookReceiver.Received::id)
        .toList();
    Set<String> distinct = new HashSet<>(received);
    assertThat(distinct).as("every committed event delivered at least once, none invented")
        .isEqualTo(committed);
    for (WebhookReceiver.Received r : receiver.received()) {
      assertThat(r.body()).doesNotContain(Cards.AUTHORISED);
    }
    System.out.printf("RefundCrashRecoveryTest seed=%d: %d events committed, all delivered,"
        + " %d deliveries (%d repeated after a kill)%n", SEED, committed.size(), received.size(),
        received.size() - distinct.size());
  }

  private void check(Map<String, Map<String, Object>> settled, List<Map<String, Object>> ledger) {
    Map<String, Map<String, Object>> atBank = new HashMap<>();
    for (Map<String, Object> r : ledger) {
      // One record per operation reference at the bank: a duplicate reference is a second refund.
      assertThat(atBank.put((String) r.get("reference"), r)).as("duplicate at the bank").isNull();
    }
    Map<String, Map<String, Object>> atGateway = new HashMap<>();
    int succeeded = 0;
    for (Map<String, Object> p : settled.values()) {
      long refundedAtBank = 0;
      long refundedAtGateway = 0;
      for (Map<String, Object> op : operations(p)) {
        if (!op.get("type").equals("refund")) {
          continue;
        }
        atGateway.put((String) op.get("id"), op);
        Map<String, Object> record = atBank.get((String) op.get("id"));
        switch ((String) op.get("status")) {
          case "Succeeded":
            succeeded++;
            refundedAtGateway += number(op, "amount");
            assertThat(record).as("bank record of %s", op.get("id")).isNotNull()
                .containsEntry("status", "DONE");
            break;
          case "Declined":
            assertThat(record).as("bank record of %s", op.get("id")).isNotNull()
                .containsEntry("status", "REFUSED");
            break;
          default:
            assertThat(op.get("status")).isEqualTo("Failed");
            assertThat(record).as("a failed refund is not at the bank").isNull();
        }
        if (record != null && "DONE".equals(record.get("status"))) {
          refundedAtBank += number(record, "amount");
        }
      }
      assertThat(refundedAtGateway).isEqualTo(refundedAtBank).isLessThanOrEqualTo(CAPTURED);
      assertThat(number(p, "refundedAmount")).isEqualTo(refundedAtGateway);
    }
    // The bank holds no refund the gateway does not know.
    ledger.stream().filter(r -> r.get("type").equals("REFUND"))
        .forEach(r -> assertThat(atGateway).containsKey((String) r.get("reference")));
    // Every refund acknowledged as made is recorded so.
    firstFinal.values().stream().filter(a -> a[1].equals("Succeeded"))
        .forEach(a -> assertThat(atGateway.get(a[0])).containsEntry("status", "Succeeded"));
    assertThat(firstFinal).hasSize(CLIENTS * REFUNDS_PER_CLIENT);
    long over = firstFinal.values().stream().filter(a -> a[1].equals("422")).count();
    System.out.printf("RefundCrashRecoveryTest seed=%d refunds=%d kills=%d: cut off %d,"
            + " succeeded %d, refused as over what remains %d, bank operations %d, 0 twice%n",
        SEED, CLIENTS * REFUNDS_PER_CLIENT, KILLS, cutOff.get(), succeeded, over, ledger.size());
  }

  /** Each client's refunds of random payments, 3.00 to 12.99 EUR: together more than captured. */
  private static List<List<Refund>> plan(Random random, List<String> payments) {
    List<List<Refund>> work = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      List<Refund> refunds = new ArrayList<>();
      for (int i = 0; i < REFUNDS_PER_CLIENT; i++) {
        long minor = 300 + random.nextInt(1000);
        if (minor % 100 == 53) {
          minor++; // 53 makes the simulator unavailable: a retry would never end
        }
        refunds.add(new Refund("refund-" + SEED + "-" + c + "-" + i,
            payments.get(random.nextInt(payments.size())), minor));
      }
      work.add(refunds);
    }
    return work;
  }

  /** Sends a refund, and again with its key after every cut-off or non-final answer. */
  private void refundUntilFinal(String token, Refund r) {
    boolean[] counted = {false};
    String body = "{\"amount\": " + r.amountMinor() + ", \"currency\": \"EUR\"}";
    await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50)).until(() -> {
          Http.Answer a;
          try {
            a = gateway.post("/api/payments/" + r.paymentId() + "/refunds", token, body,
                "Idempotency-Key", r.key());
          } catch (UncheckedIOException e) {
            cutOff.incrementAndGet();
            return false;
          }
          if (!counted[0] && (a.status() == 201 || a.status() == 202 || a.status() == 422)) {
            counted[0] = true;
            answered.incrementAndGet();
          }
          if (a.status() == 201) {
            firstFinal.putIfAbsent(r.key(), new String[] {a.string("id"), a.string("status")});
            return true;
          }
          if (a.status() == 422) {
            assertThat(a.string("type")).endsWith("/amount-exceeds-remaining");
            firstFinal.putIfAbsent(r.key(), new String[] {null, "422"});
            return true;
          }
          if (a.status() != 202 && a.status() != 409 && a.status() != 503) {
            throw new AssertionError("unexpected answer to " + r.key() + ": " + a);
          }
          return false;
        });
  }

  /**
   * Payments authorised and captured in full ({@code "capture": true}) before any kill. One whose
   * authorisation timed out (a cold simulator on a loaded machine) is left to reconciliation and
   * another one is made: the test is about refunds.
   */
  private List<String> capturedPayments(String token) {
    List<String> ids = new ArrayList<>();
    for (int attempt = 0; ids.size() < PAYMENTS && attempt < PAYMENTS * 3; attempt++) {
      String body = payment(Cards.AUTHORISED, "50.00", "EUR");
      Http.Answer a = gateway.post("/api/process", token,
          body.substring(0, body.lastIndexOf('}')) + ", \"capture\": true}");
      assertThat(a.status()).as(a.toString()).isIn(201, 202);
      if (a.status() == 201) {
        assertThat(a.string("status")).isEqualTo("Captured");
        ids.add(a.string("id"));
      }
    }
    assertThat(ids).as("payments captured").hasSize(PAYMENTS);
    return ids;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> operations(Map<String, Object> payment) {
    return (List<Map<String, Object>>) payment.get("operations");
  }

  private static long number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }

  private static String merchantToken(Http http) {
    String login = "refundcrash" + SEED;
    Http.Answer created = http.post("/createuser", TestGateway.OPERATOR_KEY, "{\"login\":\""
        + login + "\",\"name\":\"Crash\",\"password\":\"" + TestGateway.PASSWORD
        + "\",\"acquiringbank\":\"PiggyBank\"}");
    assertThat(created.status()).isEqualTo(201);
    return http.post("/login", null, "{\"login\":\"" + login + "\",\"password\":\""
        + TestGateway.PASSWORD + "\"}").string("token");
  }
}
