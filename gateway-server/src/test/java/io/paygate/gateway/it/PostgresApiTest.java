package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.PostgresServer;
import io.paygate.gateway.support.PrometheusText;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same gateway on a real PostgreSQL server: the migrations, the repositories' SQL (row-value
 * keyset pages, unique violations as idempotency conflicts) and the whole flow.
 */
class PostgresApiTest {
  @TempDir static Path dir;
  static PostgresServer postgres;
  static TestGateway gw;
  static String token;

  @BeforeAll
  static void start() throws Exception {
    postgres = PostgresServer.start();
    gw = TestGateway.start(dir, Map.of("db.url", postgres.jdbcUrl(), "db.user", "paygate"));
    token = gw.newMerchantToken();
  }

  @AfterAll
  static void stop() throws Exception {
    if (gw != null) {
      gw.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void paymentsAreStoredInPostgres() throws Exception {
    Http.Answer ok = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "42.50", "EUR"));
    Http.Answer no = gw.http().post("/api/process", token, payment(Cards.DECLINED, "1", "JPY"));

    assertThat(ok.json().get("status")).isEqualTo("Authorised");
    assertThat(no.json().get("status")).isEqualTo("Declined");
    try (Connection c = postgres.connect(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT status, amount_minor, currency, card_number_masked FROM payments WHERE id = '"
            + ok.json().get("id") + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("status")).isEqualTo("Authorised");
      assertThat(rs.getLong("amount_minor")).isEqualTo(4250);
      assertThat(rs.getString("card_number_masked")).isEqualTo("411111******1111");
    }
  }

  @Test
  void idempotencyConflictsAreDetected() {
    String body = payment(Cards.AUTHORISED, "9.99", "EUR");
    Http.Answer first = gw.http().post("/api/process", token, body, "Idempotency-Key", "pg-1");
    Http.Answer replay = gw.http().post("/api/process", token, body, "Idempotency-Key", "pg-1");
    Http.Answer reuse = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "1", "EUR"),
        "Idempotency-Key", "pg-1");

    assertThat(replay.json()).isEqualTo(first.json());
    assertThat(reuse.status()).isEqualTo(422);
  }

  @Test
  void historyPagesWalkEveryPaymentOnce() {
    String merchant = gw.newMerchantToken();
    List<Object> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(0, gw.http().post("/api/process", merchant, payment(Cards.AUTHORISED, "1", "EUR"))
          .json().get("id"));
    }
    List<Object> seen = new ArrayList<>();
    String next = "/api/history?limit=3";
    while (next != null) {
      Http.Answer page = gw.http().get(next, merchant);
      page.jsonList().forEach(p -> seen.add(p.get("id")));
      next = HistoryApiTest.nextLink(page);
    }

    assertThat(seen).containsExactlyElementsOf(created);
  }

  @Test
  void metricsReadTheSizeAndBacklogOfPostgres() throws Exception {
    PrometheusText m = PrometheusText.parse(
        gw.http().get("/metrics", TestGateway.OPERATOR_KEY).body());
    long size;
    try (Connection c = postgres.connect(); ResultSet rs = c.createStatement()
        .executeQuery("SELECT pg_database_size(current_database())")) {
      rs.next();
      size = rs.getLong(1);
    }
    // pg_database_size, not a file of the data folder; close to the size read here.
    assertThat(m.value("paygate_db_size_bytes")).isPositive()
        .isBetween(size * 0.5, size * 2.0);
    assertThat(m.value("paygate_payments_backlog", "status", "unknown")).isZero();
    assertThat(m.value("paygate_payments_backlog", "status", "pending")).isZero();
  }

  @Test
  void readyChecksPostgres() {
    assertThat(gw.http().get("/ready", null).json().get("status")).isEqualTo("UP");
  }
}
