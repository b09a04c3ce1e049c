package io.paygate.it.cluster;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.it.cluster.Cluster.Merchant;
import io.paygate.it.cluster.RetryingPayers.Acknowledged;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three gateway processes on one real PostgreSQL behind HAProxy (docs/haproxy.cfg), paying at the
 * Piggy Bank simulator in its own process: exactly one payment and one bank charge per
 * Idempotency-Key whichever nodes a key reaches, nothing acknowledged lost and nothing charged
 * twice when a node is killed under load, and a logout that holds on every node.
 *
 * <p>The node kill comes last: the tests before it need all three nodes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
  private static final int NODES = 3;

  @TempDir static Path dir;
  static Cluster cluster;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> settings = new HashMap<>();
    // A payment abandoned by a killed node is looked up at the bank 3 s after it was stored
    // (acquirer timeout plus margin), by whichever node gets there first: the test's clients
    // wait that long, not the 15 s of the defaults.
    settings.put("PAYGATE_ACQUIRER_TIMEOUT", "2s");
    settings.put("PAYGATE_RECONCILE_MARGIN", "1s");
    settings.put("PAYGATE_RECONCILE_INTERVAL", "1s");
    settings.put("PAYGATE_RECONCILE_MAX_BACKOFF", "2s");
    // One merchant carries the whole load here, more than a merchant's default rate limit
    // allows: GatewayProcess gives every merchant high limits (as it does for KillDashNineTest).
    cluster = Cluster.start(dir, NODES,
        Path.of(System.getProperty("paygate.root"), "docs", "haproxy.cfg"), settings);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * Each key is sent to two nodes at the same instant, around the balancer, then replayed on
   * every node through the balancer: one payment, one answer, one bank record per key.
   */
  @Test
  @Order(1)
  void oneKeySentToTwoNodesAtOnceMakesOnePaymentAndOneCharge() throws Exception {
    Merchant merchant = cluster.newMerchant();
    String token = (String) Cluster.login(cluster.balancer(), merchant).get("token");
    Map<String, String> idByKey = new HashMap<>();
    Map<String, String> bodyByKey = new HashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 30; i++) {
        String key = UUID.randomUUID().toString();
        String body = payment(i % 5 == 4 ? Cards.DECLINED : Cards.AUTHORISED, "2." + (10 + i), "EUR");
        Http first = cluster.node(i % NODES);
        Http second = cluster.node((i + 1) % NODES);
        CyclicBarrier together = new CyclicBarrier(2);
        Future<Map<String, Object>> a = pool.submit(() -> payOn(first, token, key, body, together));
        Future<Map<String, Object>> b = pool.submit(() -> payOn(second, token, key, body, together));
        Map<String, Object> one = a.get();
        Map<String, Object> other = b.get();
        // The same payment (its status may have moved on from Unknown between the two answers).
        assertThat(other.get("id")).as("key %s on two nodes", key).isEqualTo(one.get("id"));
        idByKey.put(key, (String) one.get("id"));
        bodyByKey.put(key, body);
      }
    } finally {
      pool.shutdownNow();
    }
    // Round robin: three replays of a key reach the three nodes.
    for (Map.Entry<String, String> e : idByKey.entrySet()) {
      for (int n = 0; n < NODES; n++) {
        Http.Answer replay = payOnce(cluster.balancer(), token, e.getKey(),
            bodyByKey.get(e.getKey()));
        assertThat(replay.status()).as(replay.toString()).isIn(201, 202);
        assertThat(replay.string("id")).isEqualTo(e.getValue());
      }
    }

    // A bank call slower than the 2 s acquirer timeout (a busy machine) answers Unknown (202):
    // reconciliation settles it.
    await("nothing Pending or Unknown after reconciliation").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Ledger.of(cluster, merchant.id()).unresolved() == 0);
    Ledger ledger = Ledger.of(cluster, merchant.id());
    assertThat(ledger.paymentIdByKey()).isEqualTo(idByKey);
    assertThat(ledger.bankReferences()).doesNotHaveDuplicates()
        .isSubsetOf(idByKey.values());
    assertThat(ledger.chargedAtBank()).isEqualTo(ledger.authorisedByGateway()).isNotEmpty();
  }

  /** A logout on one node is refused on the two others within a second. */
  @Test
  @Order(2)
  void loggedOutTokenIsRefusedOnEveryNodeWithinOneSecond() {
    Merchant merchant = cluster.newMerchant();
    Map<String, Object> pair = Cluster.login(cluster.node(0), merchant);
    String token = (String) pair.get("token");
    for (int n = 1; n < NODES; n++) {
      assertThat(cluster.node(n).get("/api/history?limit=1", token).status()).isEqualTo(200);
    }

    Http.Answer out = cluster.node(0).post("/logout", null,
        "{\"refreshToken\":\"" + pair.get("refreshToken") + "\"}");
    assertThat(out.status()).as(out.toString()).isEqualTo(204);
    long loggedOut = System.nanoTime();

    await("the token refused on nodes 2 and 3").atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> cluster.node(1).get("/api/history?limit=1", token).status() == 401
            && cluster.node(2).get("/api/history?limit=1", token).status() == 401);
    System.out.printf("logout on node 1 refused on nodes 2 and 3 after %d ms%n",
        (System.nanoTime() - loggedOut) / 1_000_000);
  }

  /**
   * Eight merchant backends pay through the balancer, retrying by key; a node is killed with
   * SIGKILL in the middle. Every acknowledged payment is on record as acknowledged, every key made
   * one payment, the bank charged exactly the payments the gateway says it authorised, and
   * reconciliation leaves nothing Pending or Unknown.
   */
  @Test
  @Order(3)
  void sigkillOfANodeUnderLoadLosesNothingAndChargesNothingTwice() throws Exception {
    Merchant merchant = cluster.newMerchant();
    String token = (String) Cluster.login(cluster.balancer(), merchant).get("token");
    Map<String, Acknowledged> acknowledged;
    int atKill;
    try (RetryingPayers payers = RetryingPayers.start(cluster.balancer(), token, 8)) {
      await("payments under way").atMost(Duration.ofSeconds(30))
          .until(() -> payers.acknowledgedCount() >= 60);
      cluster.kill(1);
      atKill = payers.acknowledgedCount();
      await("payments after the kill").atMost(Duration.ofSeconds(60))
          .until(() -> payers.acknowledgedCount() >= atKill + 150);
      acknowledged = payers.stop();
      System.out.printf("%d payments acknowledged (%d before node 2 was killed); retries by cause:"
          + " %s%n", acknowledged.size(), atKill, payers.retries());
    }

    await("nothing Pending or Unknown after reconciliation").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Ledger.of(cluster, merchant.id()).unresolved() == 0);
    Ledger ledger = Ledger.of(cluster, merchant.id());
    List<String> lost = new ArrayList<>();
    for (Acknowledged a : acknowledged.values()) {
      Ledger.Row row = ledger.byKey().get(a.key());
      if (row == null || !row.id().equals(a.payment().get("id"))) {
        lost.add(a.key() + " acknowledged as " + a.payment().get("id") + ", on record: " + row);
      } else if (a.status() == 201 && !row.status().equals(a.payment().get("status"))) {
        lost.add(a.key() + " acknowledged " + a.payment().get("status") + ", on record: " + row);
      }
    }
    assertThat(lost).as("acknowledged payments lost or changed").isEmpty();
    assertThat(ledger.byKey()).as("payments without an acknowledged key")
        .hasSameSizeAs(acknowledged);
    assertThat(ledger.strangersAtBank()).as("bank records the gateway does not have").isEmpty();
    assertThat(ledger.chargedAtBank()).as("charged at the bank vs authorised at the gateway")
        .isEqualTo(ledger.authorisedByGateway());
  }

  private static Http.Answer payOnce(Http via, String token, String key, String body) {
    return via.post("/api/process", token, body, "Idempotency-Key", key);
  }

  private static Map<String, Object> payOn(Http via, String token, String key, String body,
      CyclicBarrier together) throws Exception {
    together.await();
    Http.Answer a = payOnce(via, token, key, body);
    if (a.status() == 409) {
      // The other node holds the key in flight: retried as the API asks, until it has an answer.
      Http.Answer[] last = {a};
      await("the key's first request answered").atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> (last[0] = payOnce(via, token, key, body)).status() != 409);
      a = last[0];
    }
    assertThat(a.status()).as(a.toString()).isIn(201, 202);
    return a.json();
  }
}
