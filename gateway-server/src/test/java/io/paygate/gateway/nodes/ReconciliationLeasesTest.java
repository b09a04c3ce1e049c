package io.paygate.gateway.nodes;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.acquirer.spi.StatusResult;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.PostgresServer;
import io.paygate.gateway.support.ScriptedAcquirer;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway nodes reconciling one real PostgreSQL: each unresolved payment is looked up at the
 * bank by one node at a time (a lease in its row), and a row leased by a node that died is taken
 * over once the lease runs out. The bank records every look-up, when, and how many of one payment
 * were in flight together.
 */
class ReconciliationLeasesTest {
  @TempDir static Path dir;
  static PostgresServer postgres;
  static TestGateway a;
  static TestGateway b;

  /** Look-ups by payment reference, with the time each began. */
  private final Map<String, List<Instant>> lookUps = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Set<String> overlapping = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void start() throws Exception {
    postgres = PostgresServer.start();
    // Unknown payments are due 2 s after they were made, and looked for every 200 ms.
    Map<String, String> shared = Map.of("db.url", postgres.jdbcUrl(), "db.user", "paygate",
        "jwt.secret", "nodes-leases-secret-0123456789abcdef0123456789abcdef",
        "acquirer.timeout", "1s", "reconcile.margin", "1s", "reconcile.interval", "200ms",
        // Every payment here is Unknown on purpose: the breaker must not open on them.
        "acquirer.breaker.failures", "1000");
    a = TestGateway.start(dir.resolve("a"), shared);
    b = TestGateway.start(dir.resolve("b"), shared);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {b, a, postgres}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @BeforeEach
  void recordingBank() {
    ScriptedAcquirer.reset();
    ScriptedAcquirer.script(ScriptedAcquirer::loseTheRequest);
    ScriptedAcquirer.scriptStatus(r -> {
      String ref = r.paymentReference();
      lookUps.computeIfAbsent(ref, k -> new CopyOnWriteArrayList<>()).add(Instant.now());
      AtomicInteger n = inFlight.computeIfAbsent(ref, k -> new AtomicInteger());
      if (n.incrementAndGet() > 1) {
        overlapping.add(ref);
      }
      try {
        // A bank's answer takes a while: the window in which a second node could ask too.
        Thread.sleep(30);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        n.decrementAndGet();
      }
      return StatusResult.notFound();
    });
  }

  @AfterEach
  void resetBank() {
    ScriptedAcquirer.reset();
  }

  @Test
  void twoNodesNeverLookUpOnePaymentTogetherAndEachOnlyOnce() {
    String token = a.login(a.createMerchant("\"" + ScriptedAcquirer.NAME + "\""));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      TestGateway via = i % 2 == 0 ? a : b;
      Http.Answer unknown = via.http().post("/api/process", token,
          payment(Cards.AUTHORISED, "1.00", "EUR"));
      assertThat(unknown.status()).as(unknown.toString()).isEqualTo(202);
      ids.add(unknown.string("id"));
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
        .allMatch(id -> "Failed".equals(a.http().get("/api/history/" + id, token)
            .string("status"))));

    assertThat(overlapping).as("payments looked up by both nodes at once").isEmpty();
    for (String id : ids) {
      assertThat(lookUps.get(id)).as("look-ups of " + id).hasSize(1);
    }
  }

  @Test
  void aLeaseHeldByADeadNodeIsTakenOverWhenItRunsOut() throws Exception {
    String token = b.login(b.createMerchant("\"" + ScriptedAcquirer.NAME + "\""));
    Http.Answer unknown = b.http().post("/api/process", token,
        payment(Cards.AUTHORISED, "2.00", "EUR"));
    assertThat(unknown.status()).isEqualTo(202);
    String id = unknown.string("id");
    // Leased by a node that died before it looked (the payment is due in 2 s; the lease ends in 4).
    OffsetDateTime leaseEnds = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(4);
    try (Connection c = postgres.connect(); PreparedStatement ps = c.prepareStatement(
        "UPDATE payments SET lease_owner = 'dead-node', lease_until = ? WHERE id = ?")) {
      ps.setObject(1, leaseEnds);
      ps.setObject(2, UUID.fromString(id));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }

    await().atMost(Duration.ofSeconds(15)).until(() -> "Failed".equals(
        b.http().get("/api/history/" + id, token).string("status")));

    assertThat(lookUps.get(id)).hasSize(1);
    assertThat(lookUps.get(id).get(0)).isAfterOrEqualTo(leaseEnds.toInstant());
    try (Connection c = postgres.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT lease_owner FROM payments WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(id));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isNotEqualTo("dead-node").isNotNull();
      }
    }
  }
}
