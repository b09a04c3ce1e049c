package io.paygate.gateway.reliability;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.AuditTrail;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.GatewayProcess;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.SimulatorProcess;
import io.paygate.gateway.support.TestGateway;
import io.paygate.gateway.support.WebhookReceiver;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway killed with SIGKILL several times at random moments under load from concurrent
 * clients that use idempotency keys; restarted each time; every unanswered request retried with
 * its key until it gets a final answer. The Piggy Bank simulator runs as its own process: its
 * ledger survives the crashes and is the record the gateway's is compared with. A webhook
 * receiver in this JVM must have received every payment's final outcome at least once, and no
 * event about a payment that does not exist or an outcome it does not have.
 *
 * <p>{@code -Dcrash.seed=N} replays a run; {@code -Dcrash.clients}, {@code -Dcrash.payments} and
 * {@code -Dcrash.kills} size it (the defaults fit CI on two cores in well under a minute).
 */
class CrashRecoveryTest {
  private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
  private static final int CLIENTS = Integer.getInteger("crash.clients", 6);
  private static final int PAYMENTS_PER_CLIENT = Integer.getInteger("crash.payments", 25);
  private static final int KILLS = Integer.getInteger("crash.kills", 3);

  @TempDir Path dir;

  /** One logical payment of a client: its key, body, and what the gateway answered it. */
  record Request(String key, String body, long amountMinor) {}

  record Acknowledged(String id, String status) {}

  private volatile Http gateway;
  private final Map<String, Acknowledged> firstFinal = new ConcurrentHashMap<>();
  private final Map<String, Acknowledged> firstUnknown = new ConcurrentHashMap<>();
  private final AtomicInteger answered = new AtomicInteger();
  private final Set<String> cutOff = ConcurrentHashMap.newKeySet();
  private final AtomicInteger inFlightReplies = new AtomicInteger();

  @Test
  void noPaymentIsLostChargedTwiceOrLeftUnresolved() throws Exception {
    System.out.println("CrashRecoveryTest seed " + SEED + " (rerun with -Dcrash.seed=" + SEED + ")");
    Random random = new Random(SEED);
    try (SimulatorProcess bank = SimulatorProcess.start("20ms");
        WebhookReceiver receiver = new WebhookReceiver()) {
      Map<String, String> env = settings(
          "PAYGATE_ACQUIRER_PIGGYBANK_BASEURL", bank.baseUrl(),
          "PAYGATE_ACQUIRER_TIMEOUT", "2s",
          "PAYGATE_RECONCILE_INTERVAL", "250ms",
          "PAYGATE_RECONCILE_MARGIN", "300ms",
          // Webhooks to a receiver in this JVM, on loopback: allowed explicitly. A delivery cut
          // off by a kill is leased for 2 × the timeout + 5 s, then sent again.
          "PAYGATE_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true",
          "PAYGATE_WEBHOOKS_ALLOW_HTTP", "true",
          "PAYGATE_WEBHOOKS_TIMEOUT", "2s",
          "PAYGATE_WEBHOOKS_POLL_INTERVAL", "200ms",
          "PAYGATE_WEBHOOKS_RETRY_BASE", "100ms",
          "PAYGATE_WEBHOOKS_RETRY_MAX_DELAY", "1s",
          "PAYGATE_WEBHOOKS_RETRY_ATTEMPTS", "1000");
      GatewayProcess gw = GatewayProcess.start(dir, env);
      try {
        gateway = gw.http();
        String token = merchantToken(gateway);
        Http.Answer endpoint = gateway.post("/api/webhooks/endpoints", token, "{\"url\":\""
            + receiver.url() + "\",\"events\":[\"payment.authorised\",\"payment.declined\","
            + "\"payment.failed\",\"payment.unknown\",\"payment.settled\"]}");
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        List<List<Request>> work = plan(random);
        int total = CLIENTS * PAYMENTS_PER_CLIENT;

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (List<Request> requests : work) {
          done.add(clients.submit(() -> requests.forEach(r -> payUntilFinal(token, r))));
        }
        for (int k = 1; k <= KILLS; k++) {
          // A random moment: after a random share of the answers, while clients keep sending.
          int at = total * k / (KILLS + 1) + random.nextInt(Math.max(1, total / (KILLS + 1) / 2));
          await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= at);
          gw.kill();
          gw = GatewayProcess.start(dir, env);
          gateway = gw.http();
        }
        for (Future<?> f : done) {
          f.get();
        }
        clients.shutdown();

        // Reconciliation settles whatever the crashes left Pending or Unknown.
        Http http = gateway;
        List<Map<String, Object>> stored = await().atMost(Duration.ofSeconds(30)).until(
            () -> http.get("/api/history?limit=200", token).jsonList(),
            list -> list.stream().noneMatch(p -> p.get("status").equals("Pending")
                || p.get("status").equals("Unknown")));
        List<Map<String, Object>> ledger = bank.ledger();
        // Every payment's final outcome was announced: the event was committed with it.
        await().atMost(Duration.ofSeconds(60)).until(() -> finalOutcomesAnnounced(stored, receiver));
        checkWebhooks(stored, receiver);
        // A graceful stop writes the last audit events, to count what reconciliation did.
        gw.terminate();
        gw.awaitExit(30);
        check(work, stored, ledger);
      } finally {
        gw.close();
      }
    }
  }

  private void check(List<List<Request>> work, List<Map<String, Object>> stored,
      List<Map<String, Object>> ledger) {
    int total = CLIENTS * PAYMENTS_PER_CLIENT;
    Map<String, Map<String, Object>> byId = stored.stream()
        .collect(Collectors.toMap(p -> (String) p.get("id"), Function.identity()));
    Map<String, Map<String, Object>> atBank = ledger.stream()
        .collect(Collectors.toMap(r -> (String) r.get("reference"), Function.identity()));

    // One payment per idempotency key, whatever the crashes and retries.
    assertThat(stored).hasSize(total);
    assertThat(firstFinal).hasSize(total);
    // Every acknowledged payment is there, with the outcome it was acknowledged with.
    firstFinal.values().forEach(a ->
        assertThat(byId.get(a.id())).as(a.id()).isNotNull().containsEntry("status", a.status()));
    firstUnknown.values().forEach(a -> assertThat(byId).containsKey(a.id()));
    // The bank's ledger and the gateway's agree: what the bank authorised or declined is
    // recorded so, and nothing the bank never saw is anything but Failed (a payment it had not
    // seen at a look-up is cancelled there first).
    Map<String, Long> amounts = new ConcurrentHashMap<>();
    work.stream().flatMap(List::stream).forEach(r -> amounts.put(r.key(), r.amountMinor()));
    int authorised = 0;
    int declined = 0;
    int failed = 0;
    for (Map<String, Object> p : stored) {
      Map<String, Object> record = atBank.get((String) p.get("id"));
      switch ((String) p.get("status")) {
        case "Authorised":
          authorised++;
          assertThat(record).as("bank record of %s", p.get("id")).isNotNull()
              .containsEntry("status", "AUTHORISED");
          break;
        case "Declined":
          declined++;
          assertThat(record).as("bank record of %s", p.get("id")).isNotNull()
              .containsEntry("status", "DECLINED");
          break;
        default:
          failed++;
          assertThat(p.get("status")).isEqualTo("Failed");
          if ("cancelled".equals(p.get("errorCode"))) {
            // Not found at a look-up, then cancelled technically: the bank holds the cancel's
            // declined record, so a late arrival of the payment is refused, never charged.
            assertThat(record).as("bank record of cancelled %s", p.get("id")).isNotNull()
                .containsEntry("status", "DECLINED").containsEntry("reason", "cancelled");
          } else {
            assertThat(record).as("bank record of failed %s", p.get("id")).isNull();
          }
      }
    }
    // Each reference is one record at the bank (retries are counted as attempts, not charges),
    // and the bank holds no payment the gateway does not know.
    assertThat(atBank).hasSameSizeAs(ledger);
    assertThat(byId.keySet()).containsAll(atBank.keySet());
    long resent = ledger.stream().filter(r -> ((Number) r.get("attempts")).intValue() > 1).count();

    System.out.printf("CrashRecoveryTest seed=%d clients=%d payments=%d kills=%d%n"
            + "  requests cut off by a kill: %d, 409 in flight while retrying: %d,"
            + " first answered 202 Unknown: %d, settled by a bank look-up: %s%n"
            + "  final: %d Authorised, %d Declined, %d Failed; bank ledger: %d records,"
            + " %d sent more than once, 0 charged twice%n",
        SEED, CLIENTS, total, KILLS, cutOff.size(), inFlightReplies.get(), firstUnknown.size(),
        AuditTrail.outcomes(dir, "payment.reconciled"),
        authorised, declined, failed, ledger.size(), resent);
  }

  private static Map<String, String> settings(String... pairs) {
    Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return Map.copyOf(m);
  }

  /** Whether each stored (final) payment had an event with its final status delivered. */
  private static boolean finalOutcomesAnnounced(List<Map<String, Object>> stored,
      WebhookReceiver receiver) {
    Set<String> announced = receiver.received().stream()
        .map(r -> r.data().get("id") + ":" + r.data().get("status")).collect(Collectors.toSet());
    return stored.stream().allMatch(p -> announced.contains(p.get("id") + ":" + p.get("status")));
  }

  /**
   * At least once, none invented: every event is about a payment that exists, and one that
   * announces a final outcome announces the one stored.
   */
  private static void checkWebhooks(List<Map<String, Object>> stored, WebhookReceiver receiver) {
    Map<String, Object> statusById = stored.stream()
        .collect(Collectors.toMap(p -> (String) p.get("id"), p -> p.get("status")));
    List<WebhookReceiver.Received> events = receiver.received();
    for (WebhookReceiver.Received e : events) {
      String id = (String) e.data().get("id");
      assertThat(statusById).as("event %s is about a payment that exists", e.id())
          .containsKey(id);
      if (!e.type().equals("payment.unknown")) {
        assertThat(e.data().get("status")).as("event %s %s", e.id(), e.type())
            .isEqualTo(statusById.get(id));
      }
      assertThat(e.body()).doesNotContain(Cards.AUTHORISED, Cards.DECLINED, "\"cvv\"");
    }
    long distinct = events.stream().map(WebhookReceiver.Received::id).distinct().count();
    System.out.printf("  webhooks: %d deliveries of %d events for %d payments (%d repeats)%n",
        events.size(), distinct, stored.size(), events.size() - distinct);
  }

  /** Each client's payments: mostly authorised, some declined, some the bank refuses (503). */
  private static List<List<Request>> plan(Random random) {
    List<List<Request>> work = new ArrayList<>();
    int n = 0;
    for (int c = 0; c < CLIENTS; c++) {
      List<Request> requests = new ArrayList<>();
      for (int i = 0; i < PAYMENTS_PER_CLIENT; i++) {
        int dice = random.nextInt(10);
        String card = dice < 6 ? Cards.AUTHORISED : dice < 9 ? Cards.DECLINED
            : Cards.BANK_UNAVAILABLE;
        long minor = 100 + n++;
        requests.add(new Request("crash-" + SEED + "-" + c + "-" + i,
            payment(card, minor / 100 + "." + String.format("%02d", minor % 100), "EUR"), minor));
      }
      work.add(requests);
    }
    return work;
  }

  /** Sends a payment, and again with its key after every cut-off or non-final answer. */
  private void payUntilFinal(String token, Request r) {
    boolean[] counted = {false};
    await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50)).until(() -> {
          Http.Answer a;
          try {
            a = gateway.post("/api/process", token, r.body(), "Idempotency-Key", r.key());
          } catch (UncheckedIOException e) {
            cutOff.add(r.key());
            return false; // Killed under us, or not up yet: retry with the same key.
          }
          if (!counted[0] && (a.status() == 201 || a.status() == 202)) {
            counted[0] = true;
            answered.incrementAndGet();
          }
          if (a.status() == 201) {
            firstFinal.putIfAbsent(r.key(), new Acknowledged(a.string("id"), a.string("status")));
            return true;
          }
          if (a.status() == 202) {
            firstUnknown.putIfAbsent(r.key(), new Acknowledged(a.string("id"), "Unknown"));
          } else if (a.status() == 409) {
            inFlightReplies.incrementAndGet();
          } else if (a.status() != 503) {
            throw new AssertionError("unexpected answer to " + r.key() + ": " + a);
          }
          return false;
        });
  }

  private static String merchantToken(Http http) {
    String login = "crash" + SEED;
    Http.Answer created = http.post("/createuser", TestGateway.OPERATOR_KEY, "{\"login\":\""
        + login + "\",\"name\":\"Crash\",\"password\":\"" + TestGateway.PASSWORD
        + "\",\"acquiringbank\":\"PiggyBank\"}");
    assertThat(created.status()).isEqualTo(201);
    return http.post("/login", null, "{\"login\":\"" + login + "\",\"password\":\""
        + TestGateway.PASSWORD + "\"}").string("token");
  }
}
