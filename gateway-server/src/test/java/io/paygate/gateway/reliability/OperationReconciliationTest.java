package io.paygate.gateway.reliability;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.acquirer.spi.StatusResult;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.ScriptedAcquirer;
import io.paygate.gateway.support.SimulatorProcess;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations whose bank answer came too late are settled by reconciliation, their reservation kept
 * until then; a payment the bank says it never saw is technically cancelled when the acquirer
 * can, instead of being failed while it might still arrive.
 */
class OperationReconciliationTest {
  @TempDir Path dir;
  TestGateway gw;
  SimulatorProcess bank;

  @BeforeEach
  void reset() {
    ScriptedAcquirer.reset();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (gw != null) {
      gw.close();
    }
    if (bank != null) {
      bank.close();
    }
    ScriptedAcquirer.reset();
  }

  @Test
  void unknownCapturesAndRefundsAreSettledAndKeepTheirAmountReservedMeanwhile() throws Exception {
    // The bank answers after 1.5 s, the gateway waits 1 s: every call's outcome is unknown; its
    // look-ups answer at once, so reconciliation settles them.
    bank = SimulatorProcess.start("1500ms", "0ms");
    gw = TestGateway.start(dir, Map.of(
        "acquirer.piggybank.baseUrl", bank.baseUrl(),
        "acquirer.timeout", "1s",
        "reconcile.margin", "300ms",
        "reconcile.interval", "200ms"));
    String token = gw.newMerchantToken();
    Http.Answer paid = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "10.00", "EUR"));
    assertThat(paid.status()).isEqualTo(202);
    String id = paid.string("id");
    awaitStatus(token, id, "Authorised");

    Http.Answer capture = gw.http().post("/api/payments/" + id + "/captures", token,
        "{\"amount\": 1000, \"currency\": \"EUR\"}");
    assertThat(capture.status()).as(capture.toString()).isEqualTo(202);
    assertThat(capture.string("status")).isEqualTo("Unknown");
    // While unknown, the amount stays reserved: nothing more can be captured.
    Http.Answer more = gw.http().post("/api/payments/" + id + "/captures", token,
        "{\"amount\": 1, \"currency\": \"EUR\"}");
    assertThat(more.status()).isEqualTo(422);
    awaitStatus(token, id, "Captured");

    Http.Answer refund = gw.http().post("/api/payments/" + id + "/refunds", token,
        "{\"amount\": 400, \"currency\": \"EUR\"}");
    assertThat(refund.status()).isEqualTo(202);
    awaitStatus(token, id, "PartiallyRefunded");
    Map<String, Object> settled = gw.http().get("/api/payments/" + id, token).json();
    assertThat(((Number) settled.get("refundedAmount")).longValue()).isEqualTo(400);
    assertThat(((Number) settled.get("refundableAmount")).longValue()).isEqualTo(600);
    assertThat((List<?>) settled.get("operations")).allSatisfy(op ->
        assertThat(((Map<?, ?>) op).get("status")).isEqualTo("Succeeded"));
  }

  @Test
  void aPaymentTheBankNeverSawIsCancelledTechnicallyWhenTheAcquirerCan() {
    gw = TestGateway.start(dir, Map.of("reconcile.margin", "100ms", "acquirer.timeout", "1s",
        "reconcile.interval", "200ms"));
    String token = gw.login(gw.createMerchant("\"Scripted\""));
    ScriptedAcquirer.script(ScriptedAcquirer::loseTheRequest);
    ScriptedAcquirer.cancels(true);

    Http.Answer paid = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "3.00", "EUR"));
    assertThat(paid.status()).isEqualTo(202);
    String id = paid.string("id");

    awaitStatus(token, id, "Failed");
    Map<String, Object> p = gw.http().get("/api/payments/" + id, token).json();
    assertThat(p).containsEntry("errorCode", "cancelled");
    assertThat(ScriptedAcquirer.cancelCalls()).containsExactly(id);
    assertThat((List<?>) p.get("operations")).singleElement().satisfies(op -> {
      assertThat(((Map<?, ?>) op).get("type")).isEqualTo("cancel");
      assertThat(((Map<?, ?>) op).get("status")).isEqualTo("Succeeded");
    });
  }

  @Test
  void aPaymentItsBankCannotTellAboutIsCancelledTechnicallyOnlyPastTheDeadline() {
    Duration deadline = Duration.ofSeconds(4);
    gw = TestGateway.start(dir, Map.of("reconcile.margin", "100ms", "acquirer.timeout", "1s",
        "reconcile.interval", "200ms", "reconcile.cancel.after", "4s"));
    String token = gw.login(gw.createMerchant("\"Scripted\""));
    // The bank authorised it, but neither the answer nor any look-up says so.
    ScriptedAcquirer.script(ScriptedAcquirer::approveButLoseTheAnswer);
    List<Instant> lookUps = new CopyOnWriteArrayList<>();
    ScriptedAcquirer.scriptStatus(r -> {
      lookUps.add(Instant.now());
      return StatusResult.unknown("the bank cannot tell yet");
    });
    ScriptedAcquirer.cancels(true);

    Http.Answer paid = gw.http().post("/api/process", token,
        payment(Cards.AUTHORISED, "3.00", "EUR"));
    assertThat(paid.status()).isEqualTo(202);
    String id = paid.string("id");
    Instant created = Instant.parse(paid.string("createdAt"));

    awaitStatus(token, id, "Failed");
    assertThat(gw.http().get("/api/history/" + id, token).json())
        .containsEntry("errorCode", "cancelled");
    assertThat(ScriptedAcquirer.cancelCalls()).containsExactly(id);
    Instant cancelled = ScriptedAcquirer.cancelledAt(id);
    // Looked up and left Unknown while younger than the deadline; cancelled only past it.
    assertThat(lookUps).anyMatch(t -> t.isBefore(cancelled));
    assertThat(Duration.between(created, cancelled)).isGreaterThanOrEqualTo(deadline);
  }

  @Test
  void anAuthoriseOnlyPluginIsFailedOnNotFoundAsBeforeAndRefusesCaptures() {
    gw = TestGateway.start(dir, Map.of("reconcile.margin", "100ms", "acquirer.timeout", "1s",
        "reconcile.interval", "200ms"));
    String token = gw.login(gw.createMerchant("\"Scripted\""));
    ScriptedAcquirer.script(ScriptedAcquirer::loseTheRequest);

    String lost = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "3.00", "EUR"))
        .string("id");
    awaitStatus(token, lost, "Failed");
    assertThat(ScriptedAcquirer.cancelCalls()).isEmpty();

    ScriptedAcquirer.reset();
    String ok = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "3.00", "EUR"))
        .string("id");
    Http.Answer capture = gw.http().post("/api/payments/" + ok + "/captures", token,
        "{\"amount\": 300, \"currency\": \"EUR\"}");
    assertThat(capture.status()).isEqualTo(422);
    assertThat(capture.string("type")).endsWith("/operation-not-supported");
  }

  private void awaitStatus(String token, String id, String status) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(
        () -> status.equals(gw.http().get("/api/history/" + id, token).string("status")));
  }
}
