package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.LongestNames;
import io.paygate.gateway.support.PostgresServer;
import io.paygate.gateway.support.PrometheusText;
import io.paygate.gateway.support.SimulatorProcess;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /**
   * Two gateways on one PostgreSQL, each with its own group commit, race partial refunds of one
   * captured payment: the conditional reservation on the payment row admits exactly what was
   * captured, however the transactions interleave.
   */
  @Test
  void concurrentRefundsThroughTwoGatewaysNeverExceedTheCapturedAmount(@TempDir Path other)
      throws Exception {
    Map<String, String> shared = Map.of("db.url", postgres.jdbcUrl(), "db.user", "paygate",
        "jwt.secret", "pg-refund-race-secret-0123456789abcdef0123456789abcdef");
    try (SimulatorProcess bank = SimulatorProcess.start("5ms")) {
      Map<String, String> settings = new java.util.HashMap<>(shared);
      settings.put("acquirer.piggybank.baseUrl", bank.baseUrl());
      try (TestGateway one = TestGateway.start(other.resolve("one"), settings);
          TestGateway two = TestGateway.start(other.resolve("two"), settings)) {
        String merchant = one.newMerchantToken();
        String body = payment(Cards.AUTHORISED, "10.00", "EUR");
        Http.Answer paid = one.http().post("/api/process", merchant,
            body.substring(0, body.lastIndexOf('}')) + ", \"capture\": true}");
        assertThat(paid.string("status")).isEqualTo("Captured");
        String refunds = "/api/payments/" + paid.string("id") + "/refunds";

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
          CountDownLatch go = new CountDownLatch(1);
          List<Future<Http.Answer>> answers = new ArrayList<>();
          for (int i = 0; i < 40; i++) {
            TestGateway via = i % 2 == 0 ? one : two;
            answers.add(pool.submit(() -> {
              go.await();
              return via.http().post(refunds, merchant, "{\"amount\": 100, \"currency\": \"EUR\"}",
                  "Idempotency-Key", UUID.randomUUID().toString());
            }));
          }
          go.countDown();
          int succeeded = 0;
          for (Future<Http.Answer> f : answers) {
            Http.Answer a = f.get();
            assertThat(a.status()).as(a.toString()).isIn(201, 422);
            succeeded += a.status() == 201 && "Succeeded".equals(a.string("status")) ? 1 : 0;
          }
          assertThat(succeeded).isEqualTo(10);
          Map<String, Object> after = two.http().get("/api/payments/" + paid.string("id"), merchant)
              .json();
          assertThat(((Number) after.get("refundedAmount")).longValue()).isEqualTo(1000);
          long done = bank.operations().stream()
              .filter(r -> r.get("type").equals("REFUND") && r.get("status").equals("DONE"))
              .count();
          assertThat(done).isEqualTo(10);
        } finally {
          pool.shutdownNow();
        }
      }
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
  void theLongestNamesAreStoredWhateverTheirCharacters() {
    LongestNames.areStoredAndReadBack(gw);
  }

  @Test
  void readyChecksPostgres() {
    assertThat(gw.http().get("/ready", null).json().get("status")).isEqualTo("UP");
  }
}
