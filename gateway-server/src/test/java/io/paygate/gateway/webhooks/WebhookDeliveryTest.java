package io.paygate.gateway.webhooks;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.ScriptedAcquirer;
import io.paygate.gateway.support.TestGateway;
import io.paygate.gateway.support.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks end to end: the real gateway, the embedded Piggy Bank (and the scripted bank), a real
 * HTTP receiver on 127.0.0.1 (allowed explicitly: the default refuses loopback), and a short
 * retry schedule instead of the 24-hour one.
 */
class WebhookDeliveryTest {
  static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path dir;
  TestGateway gw;
  WebhookReceiver receiver;

  @BeforeEach
  void start() {
    ScriptedAcquirer.reset();
    receiver = new WebhookReceiver();
    gw = TestGateway.start(dir, settings(Map.of()));
  }

  static Map<String, String> settings(Map<String, String> extra) {
    Map<String, String> s = new HashMap<>(Map.of(
        "webhooks.allow.private.addresses", "true",
        "webhooks.allow.http", "true",
        "webhooks.retry.base", "50ms",
        "webhooks.retry.max.delay", "200ms",
        "webhooks.timeout", "2s",
        "webhooks.poll.interval", "100ms",
        "acquirer.timeout", "3s",
        "reconcile.interval", "200ms",
        "reconcile.margin", "100ms"));
    s.put("webhooks.retry.attempts", "100");
    s.putAll(extra);
    return s;
  }

  @AfterEach
  void stop() {
    gw.close();
    receiver.close();
    ScriptedAcquirer.reset();
  }

  /** Registers the receiver for these events; returns {id, secret}. */
  Map<String, Object> register(String token, String url, String... events) {
    String list = String.join("\",\"", events);
    Http.Answer a = gw.http().post("/api/webhooks/endpoints", token,
        "{\"url\":\"" + url + "\",\"events\":[\"" + list + "\"]}");
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return a.json();
  }

  static final String[] PAYMENT_EVENTS = {"payment.authorised", "payment.declined",
      "payment.failed", "payment.unknown", "payment.settled"};

  @Test
  void everyOutcomeArrivesSignedWithTheSecretAndTheMaskedCardOnly() {
    String token = gw.newMerchantToken();
    String secret = (String) register(token, receiver.url(), PAYMENT_EVENTS).get("secret");

    String authorised = pay(token, Cards.AUTHORISED, 201).string("id");
    String declined = pay(token, Cards.DECLINED, 201).string("id");
    String failed = pay(token, Cards.BANK_UNAVAILABLE, 201).string("id");

    await().atMost(WAIT).until(() -> receiver.received().size() >= 3);
    assertThat(receiver.forPayment(authorised)).singleElement()
        .satisfies(r -> assertThat(r.type()).isEqualTo("payment.authorised"));
    assertThat(receiver.forPayment(declined)).singleElement()
        .satisfies(r -> assertThat(r.type()).isEqualTo("payment.declined"));
    assertThat(receiver.forPayment(failed)).singleElement()
        .satisfies(r -> assertThat(r.type()).isEqualTo("payment.failed"));
    for (WebhookReceiver.Received r : receiver.received()) {
      assertThat(r.signedWith(secret)).as(r.signature()).isTrue();
      assertThat(r.eventId()).isEqualTo(r.id()).startsWith("evt_");
      assertThat(Math.abs(r.timestamp() - System.currentTimeMillis() / 1000)).isLessThan(60);
      // No full card number anywhere, and no CVV field (its value, "123", is too short to
      // search for: an event id can end in 123).
      assertThat(r.body()).doesNotContain(Cards.AUTHORISED, Cards.DECLINED,
          Cards.BANK_UNAVAILABLE).doesNotContainIgnoringCase("cvv");
      assertThat((String) r.data().get("cardNumber")).contains("******");
    }
    assertThat(receiver.forPayment(authorised).get(0).data().get("status"))
        .isEqualTo("Authorised");
  }

  @Test
  void anUnknownPaymentIsAnnouncedThenSettledByReconciliation() {
    String token = gw.login(gw.createMerchant("\"Scripted\""));
    register(token, receiver.url(), PAYMENT_EVENTS);
    ScriptedAcquirer.script(ScriptedAcquirer::approveButLoseTheAnswer);

    String id = pay(token, Cards.AUTHORISED, 202).string("id");

    await().atMost(WAIT).until(() -> receiver.forPayment(id).size() >= 2);
    List<WebhookReceiver.Received> events = receiver.forPayment(id);
    assertThat(events).extracting(WebhookReceiver.Received::type)
        .containsExactly("payment.unknown", "payment.settled");
    assertThat(events.get(1).data().get("status")).isEqualTo("Authorised");
  }

  @Test
  void onlySubscribedEventsAreSentAndAMerchantWithoutEndpointsGetsNone() {
    String token = gw.newMerchantToken();
    register(token, receiver.url(), "payment.declined");
    String other = gw.newMerchantToken();

    pay(token, Cards.AUTHORISED, 201);
    String declined = pay(token, Cards.DECLINED, 201).string("id");
    pay(other, Cards.DECLINED, 201);

    await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
    // The declined one came; give the others every chance to arrive, then none may have.
    pay(token, Cards.DECLINED, 201);
    await().atMost(WAIT).until(() -> receiver.received().size() >= 2);
    assertThat(receiver.received()).extracting(WebhookReceiver.Received::type)
        .containsOnly("payment.declined");
    assertThat(receiver.forPayment(declined)).hasSize(1);
    assertThat(receiver.received()).hasSize(2);
  }

  @Test
  void aFailingReceiverGetsTheEventAgainWithBackOffUntilItAnswers2xx() {
    String token = gw.newMerchantToken();
    String endpoint = (String) register(token, receiver.url(), PAYMENT_EVENTS).get("id");
    receiver.thenAnswer(500, 500, 503);

    String id = pay(token, Cards.AUTHORISED, 201).string("id");

    await().atMost(WAIT).until(() -> receiver.forPayment(id).size() == 4);
    List<WebhookReceiver.Received> tries = receiver.forPayment(id);
    // The same event each time: one id for the receiver to de-duplicate by.
    assertThat(tries).extracting(WebhookReceiver.Received::id).containsOnly(tries.get(0).id());
    await().atMost(WAIT).until(() -> gw.http().get("/api/webhooks/endpoints/" + endpoint
        + "/deliveries", token).jsonList().size() == 4);
    List<Map<String, Object>> attempts = gw.http().get("/api/webhooks/endpoints/" + endpoint
        + "/deliveries", token).jsonList();
    assertThat(attempts).extracting(a -> a.get("statusCode"))
        .containsExactly(200.0, 503.0, 500.0, 500.0);
    assertThat(attempts.get(1).get("error")).isEqualTo("HTTP 503");
  }

  @Test
  void eventsOfOnePaymentArriveInOrderEvenWhenTheFirstIsRetried() {
    String token = gw.login(gw.createMerchant("\"Scripted\""));
    register(token, receiver.url(), PAYMENT_EVENTS);
    ScriptedAcquirer.script(ScriptedAcquirer::approveButLoseTheAnswer);
    // The first event (payment.unknown) keeps failing for longer than reconciliation takes to
    // settle the payment (its 3 s acquirer timeout): payment.settled must wait behind it.
    int failures = 40;
    for (int i = 0; i < failures; i++) {
      receiver.thenAnswer(500);
    }

    String id = pay(token, Cards.AUTHORISED, 202).string("id");

    await().atMost(WAIT).until(() -> receiver.forPayment(id).stream()
        .anyMatch(r -> r.type().equals("payment.settled")));
    List<String> types = receiver.forPayment(id).stream().map(WebhookReceiver.Received::type)
        .toList();
    assertThat(types.subList(0, types.size() - 1)).containsOnly("payment.unknown")
        .hasSize(failures + 1);
    assertThat(types.get(types.size() - 1)).isEqualTo("payment.settled");
  }

  @Test
  void aSlowReceiverDoesNotHoldUpPayments() {
    // Attempts that hang for up to a minute: every delivery thread is held by the receiver.
    gw.close();
    gw = TestGateway.start(dir, settings(Map.of("webhooks.timeout", "60s")));
    String token = gw.newMerchantToken();
    register(token, receiver.url(), PAYMENT_EVENTS);
    receiver.hang();
    pay(token, Cards.AUTHORISED, 201);
    await().atMost(WAIT).until(() -> !receiver.received().isEmpty());

    // More payments than delivery threads (8), each answered while the deliveries hang.
    for (int i = 0; i < 12; i++) {
      pay(token, Cards.AUTHORISED, 201);
    }
    assertThat(receiver.received()).hasSizeLessThanOrEqualTo(8);

    receiver.release();
    await().atMost(WAIT).until(() -> receiver.received().stream()
        .map(WebhookReceiver.Received::id).distinct().count() == 13);
  }

  Http.Answer pay(String token, String card, int status) {
    Http.Answer a = gw.http().post("/api/process", token, payment(card, "10.00", "EUR"));
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    return a;
  }
}
