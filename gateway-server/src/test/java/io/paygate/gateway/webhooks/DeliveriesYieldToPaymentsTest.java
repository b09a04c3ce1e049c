package io.paygate.gateway.webhooks;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.PrometheusText;
import io.paygate.gateway.support.ScriptedAcquirer;
import io.paygate.gateway.support.TestGateway;
import io.paygate.gateway.support.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payments first, end to end: while payments are busy (here: payments held at a slow bank keep
 * more in flight than {@code webhooks.busy.payments}), deliveries lag at {@code webhooks.busy.rate}
 * and the outbox grows; once the payments are done, every event arrives, in order per payment.
 */
class DeliveriesYieldToPaymentsTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  /** The amount the scripted bank holds until the test releases it. */
  static final String HELD = "77.77";

  @TempDir Path dir;
  TestGateway gw;
  WebhookReceiver receiver;
  final CountDownLatch bankHolds = new CountDownLatch(1);

  @BeforeEach
  void start() {
    ScriptedAcquirer.reset();
    ScriptedAcquirer.lifecycle(true);
    ScriptedAcquirer.script(r -> {
      if (r.amountMinor() == 7777) {
        try {
          bankHolds.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return AuthorisationResult.authorised("scripted-" + r.paymentReference(), "S1");
    });
    receiver = new WebhookReceiver();
    gw = TestGateway.start(dir, WebhookDeliveryTest.settings(Map.of(
        // Busy from two payments in flight on; then one delivery a second.
        "webhooks.busy.payments", "2",
        "webhooks.busy.rate", "1",
        // The held payments wait for the test, not for the bank's deadline.
        "acquirer.timeout", "60s")));
  }

  @AfterEach
  void stop() {
    bankHolds.countDown();
    gw.close();
    receiver.close();
    ScriptedAcquirer.reset();
  }

  @Test
  void whilePaymentsAreBusyDeliveriesLagThenAllArriveInOrder() {
    String token = gw.login(gw.createMerchant("\"Scripted\""));
    Http.Answer endpoint = gw.http().post("/api/webhooks/endpoints", token,
        "{\"url\":\"" + receiver.url() + "\",\"events\":[\"payment.authorised\","
            + "\"capture.succeeded\"]}");
    assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);

    List<CompletableFuture<Http.Answer>> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(CompletableFuture.supplyAsync(() -> pay(token, HELD)));
    }
    await().atMost(WAIT).until(() -> metric("paygate_webhooks_throttled") == 1);

    // Four payments authorised then captured: two events each, which must arrive in this order.
    List<String> captured = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Http.Answer paid = pay(token, "10.00");
      assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
      String id = paid.string("id");
      Http.Answer capture = gw.http().post("/api/payments/" + id + "/captures", token,
          "{\"amount\": 1000, \"currency\": \"EUR\"}");
      assertThat(capture.status()).as(capture.toString()).isEqualTo(201);
      captured.add(id);
    }
    // At one delivery a second the outbox holds most of the eight events for several seconds:
    // they wait, the payments did not.
    await().atMost(WAIT).until(() -> metric("paygate_webhooks_pending") >= 4);
    assertThat(receiver.received().size()).isLessThan(8);
    assertThat(metric("paygate_webhooks_lag_seconds")).isGreaterThan(0);

    bankHolds.countDown();
    List<String> ids = new ArrayList<>();
    for (CompletableFuture<Http.Answer> h : held) {
      Http.Answer a = h.join();
      assertThat(a.status()).as(a.toString()).isEqualTo(201);
      ids.add(a.string("id"));
    }
    // Nothing in flight any more: full speed again, and everything arrives.
    await().atMost(WAIT).until(() -> metric("paygate_webhooks_throttled") == 0);
    await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> !eventsOf(id).isEmpty())
        && captured.stream().allMatch(id -> eventsOf(id).size() >= 2));
    for (String id : ids) {
      assertThat(eventsOf(id)).containsExactly("payment.authorised");
    }
    for (String id : captured) {
      assertThat(eventsOf(id)).containsExactly("payment.authorised", "capture.succeeded");
    }
    await().atMost(WAIT).until(() -> metric("paygate_webhooks_pending") == 0);
  }

  /** The types of the events about one payment (its own and its operations'), as received. */
  List<String> eventsOf(String paymentId) {
    return receiver.received().stream()
        .filter(r -> paymentId.equals(r.data().get("id"))
            || paymentId.equals(r.data().get("paymentId")))
        .map(WebhookReceiver.Received::type).toList();
  }

  Http.Answer pay(String token, String amount) {
    return gw.http().post("/api/process", token, payment(
        Cards.AUTHORISED, amount, "EUR"));
  }

  double metric(String name) {
    Http.Answer a = gw.http().get("/metrics", TestGateway.OPERATOR_KEY);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return PrometheusText.parse(a.body()).find(name).map(PrometheusText.Sample::value)
        .orElse(Double.NaN);
  }
}
