package io.paygate.gateway.webhooks;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.ScriptedAcquirer;
import io.paygate.gateway.support.TestGateway;
import io.paygate.gateway.support.WebhookReceiver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capture, void and refund events end to end: operations through the REST API against the
 * embedded Piggy Bank (and the scripted bank, for answers lost on the way), a real HTTP receiver,
 * the events signed, carrying the operation with its payment, announced once per outcome.
 */
class OperationWebhooksTest {
  static final String[] REFUND_EVENTS = {"refund.succeeded", "refund.declined", "refund.failed",
      "refund.unknown"};

  @TempDir Path dir;
  TestGateway gw;
  WebhookReceiver receiver;

  @BeforeEach
  void start() {
    ScriptedAcquirer.reset();
    receiver = new WebhookReceiver();
    gw = TestGateway.start(dir, WebhookDeliveryTest.settings(Map.of()));
  }

  @AfterEach
  void stop() {
    gw.close();
    receiver.close();
    ScriptedAcquirer.reset();
  }

  String register(String token, String... events) {
    String list = String.join("\",\"", events);
    Http.Answer a = gw.http().post("/api/webhooks/endpoints", token,
        "{\"url\":\"" + receiver.url() + "\",\"events\":[\"" + list + "\"]}");
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return a.string("secret");
  }

  String authorised(String token, String amount) {
    Http.Answer paid = gw.http().post("/api/process", token,
        payment(Cards.AUTHORISED, amount, "EUR"));
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    return paid.string("id");
  }

  Http.Answer operate(String token, String id, String kind, String body, int status) {
    Http.Answer a = gw.http().post("/api/payments/" + id + "/" + kind, token, body);
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    return a;
  }

  static String money(long minor) {
    return "{\"amount\": " + minor + ", \"currency\": \"EUR\"}";
  }

  /** The events received about one payment's operations, in the order received. */
  List<WebhookReceiver.Received> operationEventsOf(String paymentId) {
    return receiver.received().stream()
        .filter(r -> paymentId.equals(r.data().get("paymentId"))).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> paymentOf(WebhookReceiver.Received r) {
    return (Map<String, Object>) r.data().get("payment");
  }

  @Test
  void aRefundThroughRestIsAnnouncedSignedWithTheOperationAndItsPayment() {
    String token = gw.newMerchantToken();
    String secret = register(token, REFUND_EVENTS);
    String id = authorised(token, "10.00");
    operate(token, id, "captures", money(1000), 201);
    String refundId = operate(token, id, "refunds", money(400), 201).string("id");

    await().atMost(WebhookDeliveryTest.WAIT).until(() -> !operationEventsOf(id).isEmpty());
    WebhookReceiver.Received event = operationEventsOf(id).get(0);
    assertThat(event.type()).isEqualTo("refund.succeeded");
    assertThat(event.signedWith(secret)).as(event.signature()).isTrue();
    assertThat(event.eventId()).isEqualTo(event.id()).startsWith("evt_");
    assertThat(event.data()).containsEntry("id", refundId).containsEntry("type", "refund")
        .containsEntry("status", "Succeeded").containsEntry("amount", 400.0)
        .containsEntry("currency", "EUR");
    Map<String, Object> payment = paymentOf(event);
    assertThat(payment).containsEntry("id", id).containsEntry("status", "PartiallyRefunded")
        .containsEntry("refundedAmount", 400.0).containsEntry("refundableAmount", 600.0);
    assertThat((String) payment.get("cardNumber")).contains("******");
    assertThat(event.body()).doesNotContain(Cards.AUTHORISED).doesNotContainIgnoringCase("cvv");
    // Subscribed to refunds only: the capture before it was not announced.
    assertThat(receiver.received()).extracting(WebhookReceiver.Received::type)
        .containsOnly("refund.succeeded");
  }

  @Test
  void capturesAndVoidsAreAnnouncedWithTheirOutcome() {
    String token = gw.newMerchantToken();
    register(token, "capture.succeeded", "capture.declined", "void.succeeded");
    String captured = authorised(token, "20.00");
    operate(token, captured, "captures", money(2000), 201);
    String refused = authorised(token, "20.00");
    // Piggy Bank refuses a capture whose amount ends in 51.
    operate(token, refused, "captures", money(1251), 201);
    String voided = authorised(token, "20.00");
    operate(token, voided, "voids", "{}", 201);

    await().atMost(WebhookDeliveryTest.WAIT).until(() -> receiver.received().size() >= 3);
    assertThat(operationEventsOf(captured)).singleElement().satisfies(r -> {
      assertThat(r.type()).isEqualTo("capture.succeeded");
      assertThat(paymentOf(r)).containsEntry("status", "Captured")
          .containsEntry("capturedAmount", 2000.0);
    });
    assertThat(operationEventsOf(refused)).singleElement().satisfies(r -> {
      assertThat(r.type()).isEqualTo("capture.declined");
      assertThat(r.data()).containsEntry("status", "Declined")
          .containsEntry("errorCode", "capture_refused");
      assertThat(paymentOf(r)).containsEntry("status", "Authorised");
    });
    assertThat(operationEventsOf(voided)).singleElement().satisfies(r -> {
      assertThat(r.type()).isEqualTo("void.succeeded");
      assertThat(paymentOf(r)).containsEntry("status", "Voided");
    });
  }

  @Test
  void anOperationReconciledFromUnknownAnnouncesItsOutcomeOnce() {
    String token = gw.login(gw.createMerchant("\"Scripted\""));
    register(token, REFUND_EVENTS);
    ScriptedAcquirer.lifecycle(true);
    String id = authorised(token, "10.00");
    operate(token, id, "captures", money(1000), 201);
    ScriptedAcquirer.scriptOperations(ScriptedAcquirer::carryOutButLoseTheAnswer);

    Http.Answer refund = operate(token, id, "refunds", money(300), 202);
    assertThat(refund.string("status")).isEqualTo("Unknown");

    await().atMost(WebhookDeliveryTest.WAIT).until(() -> operationEventsOf(id).stream()
        .anyMatch(r -> r.type().equals("refund.succeeded")));
    assertThat(operationEventsOf(id)).extracting(WebhookReceiver.Received::type)
        .containsExactly("refund.unknown", "refund.succeeded");
    WebhookReceiver.Received settled = operationEventsOf(id).get(1);
    assertThat(settled.data()).containsEntry("id", refund.string("id"))
        .containsEntry("status", "Succeeded");
    assertThat(paymentOf(settled)).containsEntry("status", "PartiallyRefunded");
    // Later reconciliation runs find the refund final: nothing is announced again. A third
    // event would have to be behind a second payment's first one, which the receiver sees.
    String later = authorised(token, "10.00");
    ScriptedAcquirer.scriptOperations(ScriptedAcquirer::carryOut);
    operate(token, later, "captures", money(1000), 201);
    operate(token, later, "refunds", money(100), 201);
    await().atMost(WebhookDeliveryTest.WAIT).until(() -> !operationEventsOf(later).isEmpty());
    assertThat(operationEventsOf(id)).hasSize(2);
  }

  @Test
  void anEndpointNotSubscribedToOperationsGetsNoneOfTheirEvents() {
    String token = gw.newMerchantToken();
    register(token, "payment.authorised", "capture.succeeded");
    String id = authorised(token, "10.00");
    operate(token, id, "captures", money(1000), 201);
    operate(token, id, "refunds", money(1000), 201);
    String voided = authorised(token, "10.00");
    operate(token, voided, "voids", "{}", 201);
    // Another merchant's capture reaches none of this merchant's endpoints.
    String other = gw.newMerchantToken();
    Http.Answer paid = gw.http().post("/api/process", other,
        payment(Cards.AUTHORISED, "10.00", "EUR"));
    gw.http().post("/api/payments/" + paid.string("id") + "/captures", other, money(1000));
    // Events are delivered in the order of each payment: the last payment's authorisation
    // arriving means everything before it was appended.
    String last = authorised(token, "10.00");

    await().atMost(WebhookDeliveryTest.WAIT).until(() -> !receiver.forPayment(last).isEmpty());
    await().atMost(WebhookDeliveryTest.WAIT).until(() -> receiver.received().size() >= 4);
    assertThat(receiver.received()).extracting(WebhookReceiver.Received::type)
        .containsExactlyInAnyOrder("payment.authorised", "payment.authorised",
            "payment.authorised", "capture.succeeded");
    assertThat(operationEventsOf(id)).extracting(WebhookReceiver.Received::type)
        .containsExactly("capture.succeeded");
  }
}
