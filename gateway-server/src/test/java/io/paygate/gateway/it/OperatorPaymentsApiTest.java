package io.paygate.gateway.it;

import static io.paygate.gateway.it.OperatorMerchantsApiTest.awaitAudit;
import static io.paygate.gateway.it.OperatorMerchantsApiTest.post;
import static io.paygate.gateway.support.TestGateway.OPERATOR_KEY;
import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.MutableClock;
import io.paygate.gateway.support.ScriptedAcquirer;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's payment tools over real HTTP: the attention list and settling by hand. */
class OperatorPaymentsApiTest {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
  private static final String CARD = Cards.luhnComplete("411111987654321");
  private static final String ATTENTION = "/admin/payments/attention";

  @TempDir Path dir;

  @AfterEach
  void resetBank() {
    ScriptedAcquirer.reset();
  }

  @Test
  void paymentsASlowBankLeftUnknownAreListedAndSettledByHand() {
    try (TestGateway gw = TestGateway.start(dir, Map.of(
        // A bank slower than the gateway waits: every payment is answered 202 Unknown.
        "acquirer.piggybank.simulatorDelay", "1500ms", "acquirer.timeout", "300ms",
        "reconcile.margin", "100ms",
        // No reconciliation run after the first: the payments stay Unknown for the operator.
        "reconcile.interval", "1h"))) {
      String token = gw.newMerchantToken();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Http.Answer a = gw.http().post("/api/process", token, payment(CARD, "10.00", "EUR"));
        assertThat(a.status()).isEqualTo(202);
        ids.add(a.string("id"));
      }
      String merchantId = gw.http().get("/api/history/" + ids.get(0), token).string("merchantId");

      await().untilAsserted(() -> assertThat(attention(gw)).extracting(p -> p.get("id"))
          .containsExactlyElementsOf(ids));
      Map<String, Object> first = attention(gw).get(0);
      assertThat(first).containsEntry("status", "Unknown")
          .containsEntry("attention", "unknown_overdue").containsKey("reconcileAttempts");
      assertThat(first.get("cardNumber").toString()).doesNotContain(CARD);

      String settle = "/admin/payments/" + ids.get(0) + "/settle";
      Http.Answer bad = post(gw, settle, "{\"status\":\"Pending\"}");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("\"field\":\"status\"").contains("\"field\":\"reason\"");
      assertThat(post(gw, settle, "{\"status\":\"Failed\",\"reason\":\"card " + CARD + "\"}")
          .body()).contains("must not hold a card number").doesNotContain(CARD);
      assertThat(post(gw, "/admin/payments/" + java.util.UUID.randomUUID() + "/settle",
          "{\"status\":\"Failed\",\"reason\":\"no such payment\"}").status()).isEqualTo(404);

      Http.Answer settled = post(gw, settle, "{\"status\":\"Authorised\","
          + "\"reason\":\"Piggy Bank confirmed it by phone, ref PB-77\",\"operator\":\"alice\"}");
      assertThat(settled.status()).isEqualTo(200);
      assertThat(settled.json()).containsEntry("status", "Authorised")
          .containsEntry("processed", true).containsEntry("errorCode", null)
          .containsEntry("settledBy", "alice")
          .containsEntry("settleReason", "Piggy Bank confirmed it by phone, ref PB-77");
      assertThat(gw.http().get("/api/history/" + ids.get(0), token).string("status"))
          .isEqualTo("Authorised");
      assertThat(attention(gw)).extracting(p -> p.get("id"))
          .containsExactlyElementsOf(ids.subList(1, 3));

      Http.Answer again = post(gw, settle, "{\"status\":\"Declined\",\"reason\":\"oops\"}");
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.string("type")).endsWith("/payment-final");
      assertThat(again.string("detail")).contains("Authorised");
      assertThat(gw.http().get("/api/history/" + ids.get(0), token).string("status"))
          .isEqualTo("Authorised");

      awaitAudit(gw, merchantId, "payment.settled:Authorised", "payment.settled:refused");
      assertThat(gw.http().get("/admin/audit?event=payment.settled&outcome=Authorised",
          OPERATOR_KEY).jsonList()).singleElement().satisfies(e -> assertThat(e.get("detail"))
          .asString().contains("alice").contains("was Unknown").contains("PB-77"));
    }
  }

  @Test
  void theAttentionListComesInPages() {
    try (TestGateway gw = TestGateway.start(dir, Map.of(
        "acquirer.piggybank.simulatorDelay", "1500ms", "acquirer.timeout", "300ms",
        "reconcile.margin", "100ms", "reconcile.interval", "1h"))) {
      String token = gw.newMerchantToken();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(gw.http().post("/api/process", token, payment(CARD, "10.00", "EUR")).string("id"));
      }
      await().until(() -> attention(gw).size() == 3);

      List<Object> seen = new ArrayList<>();
      String next = ATTENTION + "?limit=2";
      int pages = 0;
      while (next != null) {
        Http.Answer page = gw.http().get(next, OPERATOR_KEY);
        assertThat(page.status()).isEqualTo(200);
        page.jsonList().forEach(p -> seen.add(p.get("id")));
        pages++;
        Matcher m = NEXT.matcher(page.headers().firstValue("Link").orElse(""));
        next = m.find() ? m.group(1) : null;
      }
      assertThat(pages).isEqualTo(2);
      assertThat(seen).containsExactlyElementsOf(ids);
    }
  }

  @Test
  void anAmountTheBankChangedIsListedAndSettledDeclined() {
    ScriptedAcquirer.script(ScriptedAcquirer::approveButLoseTheAnswer);
    // The bank says it authorised one cent more than asked.
    ScriptedAcquirer.scriptStatus(r -> StatusResult.authorised("ref-" + r.paymentReference(),
        "S1", r.amountMinor() + 1, r.currency()));
    try (TestGateway gw = TestGateway.start(dir, Map.of(
        "acquirer.timeout", "500ms", "reconcile.margin", "100ms",
        "reconcile.interval", "100ms"))) {
      String token = gw.login(gw.createMerchant("\"" + ScriptedAcquirer.NAME + "\""));
      Http.Answer a = gw.http().post("/api/process", token, payment(CARD, "10.00", "EUR"));
      assertThat(a.status()).isEqualTo(202);
      String id = a.string("id");

      await().untilAsserted(() -> assertThat(attention(gw)).singleElement()
          .satisfies(p -> assertThat(p).containsEntry("id", id)
              .containsEntry("attention", "amount_mismatch")
              .containsEntry("errorCode", "amount_mismatch")));

      Http.Answer settled = post(gw, "/admin/payments/" + id + "/settle",
          "{\"status\":\"Declined\",\"reason\":\"amount disputed, bank reversed it\"}");
      assertThat(settled.json()).containsEntry("status", "Declined")
          .containsEntry("errorCode", "settled_by_hand").containsEntry("settledBy", "operator");
      assertThat(attention(gw)).isEmpty();
      assertThat(gw.http().get("/api/history/" + id, token).string("status"))
          .isEqualTo("Declined");
    }
  }

  @Test
  void aPaymentAtItsBankIsListedWhenOverdueButNotSettledUnderIt() throws Exception {
    CountDownLatch bankAnswers = new CountDownLatch(1);
    ScriptedAcquirer.script(r -> {
      try {
        bankAnswers.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return AuthorisationResult.authorised("late-" + r.paymentReference(), "S1");
    });
    MutableClock clock = MutableClock.ofNow();
    try (TestGateway gw = TestGateway.start(dir, Map.of("acquirer.timeout", "20s",
        "reconcile.interval", "1h"), clock)) {
      String token = gw.login(gw.createMerchant("\"" + ScriptedAcquirer.NAME + "\""));
      CompletableFuture<Http.Answer> paying = CompletableFuture.supplyAsync(() ->
          gw.http().post("/api/process", token, payment(CARD, "10.00", "EUR")));
      await().until(() -> !ScriptedAcquirer.authoriseCalls().isEmpty());
      String id = ScriptedAcquirer.authoriseCalls().get(0);
      assertThat(attention(gw)).isEmpty();

      clock.advance(Duration.ofMinutes(1));
      assertThat(attention(gw)).singleElement().satisfies(p -> assertThat(p)
          .containsEntry("id", id).containsEntry("status", "Pending")
          .containsEntry("attention", "pending_overdue"));
      Http.Answer refused = post(gw, "/admin/payments/" + id + "/settle",
          "{\"status\":\"Failed\",\"reason\":\"bank never answered\"}");
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.string("type")).endsWith("/payment-in-flight");

      bankAnswers.countDown();
      Http.Answer paid = paying.get(30, TimeUnit.SECONDS);
      assertThat(paid.json()).containsEntry("id", id).containsEntry("status", "Authorised");
      assertThat(attention(gw)).isEmpty();
    }
  }

  private static List<Map<String, Object>> attention(TestGateway gw) {
    Http.Answer a = gw.http().get(ATTENTION + "?limit=200", OPERATOR_KEY);
    assertThat(a.status()).isEqualTo(200);
    return a.jsonList();
  }
}
