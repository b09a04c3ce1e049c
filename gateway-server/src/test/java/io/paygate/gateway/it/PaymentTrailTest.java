package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.db.Database;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payment's own row is its trail (issue 15): received ({@code created_at}), sent
 * ({@code sent_at}) and answered ({@code processed_at}, with the status as the outcome), so that
 * the payment path writes one audit row per bank answer instead of three rows per payment.
 */
class PaymentTrailTest {
  @TempDir static Path dir;
  static TestGateway gw;
  static String token;

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of());
    token = gw.login(gw.createMerchant());
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void theRowHoldsWhenThePaymentWasReceivedSentAndAnswered() throws SQLException {
    Instant before = Instant.now();
    Http.Answer a = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "7.00", "EUR"));
    assertThat(a.status()).isEqualTo(201);

    Trail trail = trail(a.string("id"));
    assertThat(trail.status()).isEqualTo("Authorised");
    assertThat(trail.received()).isAfterOrEqualTo(before.minusMillis(1));
    assertThat(trail.sent()).isAfterOrEqualTo(trail.received());
    assertThat(trail.answered()).isAfterOrEqualTo(trail.sent());
  }

  @Test
  void theAuditTableHoldsOnlyTheBankAnswerOfAPayment() {
    Http.Answer a = gw.http().post("/api/process", token, payment(Cards.DECLINED, "8.00", "EUR"));
    assertThat(a.status()).isEqualTo(201);
    String id = a.string("id");

    await().until(() -> !gw.auditEvents(id).isEmpty());
    assertThat(gw.auditEvents(id)).isEqualTo(List.of("payment.answered:Declined"));
  }

  record Trail(String status, Instant received, Instant sent, Instant answered) {}

  private Trail trail(String paymentId) throws SQLException {
    try (Connection c = DriverManager.getConnection(Database.embeddedUrl(gw.dataDir()), "sa", "");
        PreparedStatement ps = c.prepareStatement("SELECT status, created_at, sent_at,"
            + " processed_at FROM payments WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(paymentId));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return new Trail(rs.getString(1), instant(rs, 2), instant(rs, 3), instant(rs, 4));
      }
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    assertThat(t).as("column %d", column).isNotNull();
    return t.toInstant();
  }
}
