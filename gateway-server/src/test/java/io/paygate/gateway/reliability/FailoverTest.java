package io.paygate.gateway.reliability;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.ScriptedAcquirer;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover to a merchant's next acquirer, the circuit breaker, and reconciliation on its schedule,
 * with the embedded Piggy Bank and the test class path's {@code Scripted} bank.
 */
class FailoverTest {
  @TempDir Path dir;
  TestGateway gw;

  @BeforeEach
  void start() {
    ScriptedAcquirer.reset();
    gw = TestGateway.start(dir, Map.of(
        // Roomy: a cold JVM's first call to the embedded bank must not time out.
        "acquirer.timeout", "3s",
        "acquirer.breaker.failures", "3",
        "acquirer.breaker.pause", "300ms",
        "reconcile.interval", "200ms",
        "reconcile.margin", "100ms"));
  }

  @AfterEach
  void stop() {
    gw.close();
    ScriptedAcquirer.reset();
  }

  @Test
  void aPaymentTheFirstBankCertainlyDidNotProcessGoesToTheNext() {
    String token = gw.login(gw.createMerchant("[\"PiggyBank\",\"Scripted\"]"));

    // Piggy Bank answers 503 for this card: nothing charged there.
    Http.Answer a = gw.http().post("/api/process", token,
        payment(Cards.BANK_UNAVAILABLE, "12.00", "EUR"));

    assertThat(a.status()).as(a.body()).isEqualTo(201);
    assertThat(a.string("status")).isEqualTo("Authorised");
    assertThat(a.string("acquirer")).isEqualTo(ScriptedAcquirer.NAME);
    assertThat(ScriptedAcquirer.authoriseCalls()).containsExactly(a.string("id"));
    // Stored too: after a crash, reconciliation asks the bank of the last attempt.
    assertThat(gw.http().get("/api/history/" + a.string("id"), token).string("acquirer"))
        .isEqualTo(ScriptedAcquirer.NAME);
    await().atMost(Duration.ofSeconds(5)).until(() -> gw.auditEvents(a.string("id"))
        .containsAll(List.of("payment.answered:Failed", "payment.failover:Pending",
            "payment.answered:Authorised")));
  }

  @Test
  void anUnknownOutcomeIsNeverSentToAnotherBank() {
    String token = gw.login(gw.createMerchant("[\"Scripted\",\"PiggyBank\"]"));
    ScriptedAcquirer.script(r -> AuthorisationResult.unknown("read timed out"));

    Http.Answer a = gw.http().post("/api/process", token,
        payment(Cards.AUTHORISED, "13.00", "EUR"));

    assertThat(a.status()).isEqualTo(202);
    assertThat(a.string("status")).isEqualTo("Unknown");
    assertThat(a.string("acquirer")).isEqualTo(ScriptedAcquirer.NAME);
    await().atMost(Duration.ofSeconds(5)).until(() -> gw.auditEvents(a.string("id"))
        .contains("payment.answered:Unknown"));
    assertThat(gw.auditEvents(a.string("id"))).doesNotContain("payment.failover:Pending");
  }

  @Test
  void reconciliationSettlesAnUnknownPaymentOnItsOwn() {
    String token = gw.login(gw.createMerchant("\"Scripted\""));
    ScriptedAcquirer.script(ScriptedAcquirer::approveButLoseTheAnswer);

    Http.Answer a = gw.http().post("/api/process", token,
        payment(Cards.AUTHORISED, "14.00", "EUR"));
    assertThat(a.status()).isEqualTo(202);

    // No retry: the schedule finds it.
    await().atMost(Duration.ofSeconds(10)).until(() -> "Authorised".equals(
        gw.http().get("/api/history/" + a.string("id"), token).string("status")));
    assertThat(ScriptedAcquirer.authoriseCalls()).containsExactly(a.string("id"));
  }

  @Test
  void aBankThatKeepsFailingIsNotCalledUntilAProbeSucceeds() {
    String token = gw.login(gw.createMerchant("\"Scripted\""));
    ScriptedAcquirer.script(r -> AuthorisationResult.notProcessed("bank answered 503"));
    for (int i = 0; i < 3; i++) {
      assertThat(gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "1.00", "EUR"))
          .string("status")).isEqualTo("Failed");
    }
    assertThat(acquirerState()).isEqualTo("OPEN");

    Http.Answer refused = gw.http().post("/api/process", token,
        payment(Cards.AUTHORISED, "2.00", "EUR"));

    assertThat(refused.string("status")).isEqualTo("Failed");
    assertThat(ScriptedAcquirer.authoriseCalls()).hasSize(3).doesNotContain(refused.string("id"));

    // After the pause one probe goes through; its success closes the breaker.
    ScriptedAcquirer.script(r -> AuthorisationResult.authorised("b", "OK"));
    await().atMost(Duration.ofSeconds(5)).until(() -> "Authorised".equals(gw.http()
        .post("/api/process", token, payment(Cards.AUTHORISED, "3.00", "EUR")).string("status")));
    assertThat(acquirerState()).isEqualTo("UP");
  }

  @Test
  void aMerchantListsItsAcquirersInOrder() {
    Http.Answer created = gw.http().post("/createuser", TestGateway.OPERATOR_KEY,
        "{\"login\":\"failover-shop\",\"name\":\"F\",\"password\":\"" + TestGateway.PASSWORD
            + "\",\"acquiringbank\":[\"scripted\",\"PiggyBank\"]}");
    Http.Answer twice = gw.http().post("/createuser", TestGateway.OPERATOR_KEY,
        "{\"login\":\"failover-shop2\",\"name\":\"F\",\"password\":\"" + TestGateway.PASSWORD
            + "\",\"acquiringbank\":[\"PiggyBank\",\"piggybank\"]}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json()).containsEntry("acquiringBank", "Scripted")
        .containsEntry("acquiringBanks", List.of("Scripted", "PiggyBank"));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body()).contains("acquiringbank").contains("again");
  }

  @SuppressWarnings("unchecked")
  private String acquirerState() {
    Map<String, Object> checks = (Map<String, Object>) gw.http().get("/ready", null).json()
        .get("checks");
    Map<String, Object> acquirers = (Map<String, Object>) checks.get("acquirers");
    return (String) ((Map<String, Object>) acquirers.get(ScriptedAcquirer.NAME)).get("status");
  }
}
