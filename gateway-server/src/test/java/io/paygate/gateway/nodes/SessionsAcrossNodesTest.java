package io.paygate.gateway.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.PostgresServer;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway nodes on one real PostgreSQL: a logout, a reused refresh token or a disabled merchant
 * on one node is refused on the other within a second. Node B polls only every 30 s, so what
 * reaches it within a second came by notice (LISTEN/NOTIFY) or by its reconnect; node A polls
 * every 500 ms (the default), which covers a change no node announced.
 */
class SessionsAcrossNodesTest {
  private static final Duration WITHIN = Duration.ofSeconds(1);

  @TempDir static Path dir;
  static PostgresServer postgres;
  static TestGateway a;
  static TestGateway b;

  @BeforeAll
  static void start() throws Exception {
    postgres = PostgresServer.start();
    Map<String, String> shared = new HashMap<>(Map.of("db.url", postgres.jdbcUrl(),
        "db.user", "paygate",
        "jwt.secret", "nodes-sessions-secret-0123456789abcdef0123456789abcdef"));
    a = TestGateway.start(dir.resolve("a"), shared);
    shared.put("nodes.sessions.poll", "30s");
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

  @Test
  void logoutOnOneNodeIsRefusedOnTheOtherWithinOneSecond() {
    Http.Answer pair = a.loginPair(a.createMerchant());
    String token = pair.string("token");
    assertThat(status(b, token)).isEqualTo(200);

    assertThat(a.http().post("/logout", null,
        "{\"refreshToken\":\"" + pair.string("refreshToken") + "\"}").status()).isEqualTo(204);

    await().atMost(WITHIN).until(() -> status(b, token) == 401);
    assertThat(status(a, token)).isEqualTo(401);
  }

  @Test
  void aDisabledMerchantIsRefusedOnTheOtherNodeWithinOneSecondAndAdmittedAgainWhenEnabled() {
    String login = "nodes-disabled-" + UUID.randomUUID().toString().substring(0, 8);
    String id = createMerchant(a, login);
    String token = b.login(login);
    assertThat(status(b, token)).isEqualTo(200);

    assertThat(a.http().post("/admin/merchants/" + id + "/disable", TestGateway.OPERATOR_KEY, "")
        .status()).isEqualTo(200);

    await().atMost(WITHIN).until(() -> status(b, token) == 403);
    assertThat(b.http().get("/api/history", token).string("type")).endsWith("merchant-disabled");

    assertThat(a.http().post("/admin/merchants/" + id + "/enable", TestGateway.OPERATOR_KEY, "")
        .status()).isEqualTo(200);
    String fresh = a.login(login);
    await().atMost(WITHIN).until(() -> status(b, fresh) == 200);
  }

  @Test
  void aKilledListenerConnectionIsOpenedAgainAndCatchesUp() throws Exception {
    Http.Answer pair = a.loginPair(a.createMerchant());
    String token = pair.string("token");
    assertThat(status(b, token)).isEqualTo(200);

    try (Connection c = postgres.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE application_name LIKE 'paygate-listener-%'")) {
      int killed = 0;
      while (rs.next()) {
        killed += rs.getBoolean(1) ? 1 : 0;
      }
      assertThat(killed).as("one listener per node").isEqualTo(2);
    }
    a.http().post("/logout", null, "{\"refreshToken\":\"" + pair.string("refreshToken") + "\"}");

    // B heard nothing while its listener was down, and polls only every 30 s: its reconnect
    // (100 ms back-off) re-reads what it may have missed.
    await().atMost(WITHIN).until(() -> status(b, token) == 401);
    await().atMost(Duration.ofSeconds(5)).until(() -> listeners() == 2);
  }

  @Test
  void aRevocationNobodyAnnouncedIsPickedUpByPolling() throws Exception {
    String login = "nodes-polled-" + UUID.randomUUID().toString().substring(0, 8);
    String id = createMerchant(b, login);
    String token = b.login(login);
    assertThat(status(a, token)).isEqualTo(200);

    // Revoked straight in the database, as by a node that died between its commit and its NOTIFY.
    try (Connection c = postgres.connect(); PreparedStatement ps = c.prepareStatement(
        "UPDATE token_families SET revoked_at = CURRENT_TIMESTAMP WHERE merchant_id = ?"
            + " AND revoked_at IS NULL")) {
      ps.setObject(1, UUID.fromString(id));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }

    await().atMost(WITHIN).until(() -> status(a, token) == 401);
  }

  private static int status(TestGateway node, String token) {
    return node.http().get("/api/history?limit=1", token).status();
  }

  private static int listeners() throws Exception {
    try (Connection c = postgres.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
            + " WHERE application_name LIKE 'paygate-listener-%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String createMerchant(TestGateway node, String login) {
    Http.Answer a = node.http().post("/createuser", TestGateway.OPERATOR_KEY, "{\"login\":\""
        + login + "\",\"name\":\"Shop " + login + "\",\"password\":\"" + TestGateway.PASSWORD
        + "\",\"acquiringbank\":\"PiggyBank\"}");
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return a.string("id");
  }
}
