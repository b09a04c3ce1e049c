package io.paygate.gateway.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.MutableClock;
import io.paygate.gateway.support.PostgresServer;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merchant's limit holds across nodes: each of two nodes on one PostgreSQL enforces half of it
 * (they count each other through their heartbeats in gateway_nodes), so the two together admit the
 * limit and no more; when one stops, the other takes the whole limit again. Both nodes read one
 * clock that stands still, so no bucket refills while the test counts.
 */
class RateLimitSharesTest {
  private static final MutableClock clock = MutableClock.ofNow();

  @TempDir static Path dir;
  static PostgresServer postgres;
  static TestGateway a;
  static TestGateway b;

  @BeforeAll
  static void start() throws Exception {
    postgres = PostgresServer.start();
    Map<String, String> shared = Map.of("db.url", postgres.jdbcUrl(), "db.user", "paygate",
        "jwt.secret", "nodes-shares-secret-0123456789abcdef0123456789abcdef",
        "rate.limit.merchant.reads.per.second", "10", "nodes.heartbeat", "200ms");
    a = TestGateway.start(dir.resolve("a"), shared, clock);
    b = TestGateway.start(dir.resolve("b"), shared, clock);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {b, a, postgres}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void twoNodesTogetherAdmitTheLimitAndOneAloneTakesItAllAgain() {
    // Both count two nodes once a refusal on each names a share of 5.
    String probe = a.newMerchantToken();
    await().atMost(Duration.ofSeconds(5)).until(() -> share(a, probe).equals("5")
        && share(b, probe).equals("5"));

    String token = a.newMerchantToken();
    int admitted = admitted(a, token, 20) + admitted(b, token, 20);
    assertThat(admitted).as("reads admitted by both nodes, limit 10").isEqualTo(10);

    b.close();
    b = null;
    String alone = a.newMerchantToken();
    await().atMost(Duration.ofSeconds(5)).until(() -> share(a, probe).equals("10"));
    assertThat(admitted(a, alone, 20)).isEqualTo(10);
  }

  /** This node's share of the limit, as a refusal states it (spending the budget first). */
  private static String share(TestGateway node, String token) {
    for (int i = 0; i < 20; i++) {
      var answer = node.http().get("/api/history?limit=1", token);
      if (answer.status() == 429) {
        return answer.header("RateLimit-Limit");
      }
    }
    return "none";
  }

  private static int admitted(TestGateway node, String token, int tries) {
    int n = 0;
    for (int i = 0; i < tries; i++) {
      n += node.http().get("/api/history?limit=1", token).status() == 200 ? 1 : 0;
    }
    return n;
  }
}
