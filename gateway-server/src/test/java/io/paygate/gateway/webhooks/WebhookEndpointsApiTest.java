package io.paygate.gateway.webhooks;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import io.paygate.gateway.support.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoints' REST API: registration checks, secrets and rotation, disable and replay. */
class WebhookEndpointsApiTest {
  static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path dir;
  TestGateway gw;
  final WebhookReceiver receiver = new WebhookReceiver();

  @AfterEach
  void stop() {
    if (gw != null) {
      gw.close();
    }
    receiver.close();
  }

  TestGateway start(Map<String, String> extra) {
    gw = TestGateway.start(dir, WebhookDeliveryTest.settings(extra));
    return gw;
  }

  Http.Answer register(String token, String body) {
    return gw.http().post("/api/webhooks/endpoints", token, body);
  }

  String endpointBody(String url, String events) {
    return "{\"url\":\"" + url + "\",\"events\":" + events + "}";
  }

  @Test
  void aRegisteredEndpointIsListedWithoutItsSecretAndCanBeDeleted() {
    start(Map.of());
    String token = gw.newMerchantToken();
    Http.Answer created = register(token, endpointBody(receiver.url(),
        "[\"payment.authorised\",\"refund.succeeded\"]"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.string("id");
    assertThat(created.string("secret")).startsWith("whsec_").hasSize(6 + 64);
    assertThat(created.header("Location")).isEqualTo("/api/webhooks/endpoints/" + id);

    Http.Answer one = gw.http().get("/api/webhooks/endpoints/" + id, token);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json()).doesNotContainKey("secret").containsEntry("enabled", true)
        .containsEntry("events", List.of("payment.authorised", "refund.succeeded"));
    assertThat(gw.http().get("/api/webhooks/endpoints", token).jsonList())
        .extracting(e -> e.get("id")).containsExactly(id);
    // Another merchant sees nothing of it.
    String other = gw.newMerchantToken();
    assertThat(gw.http().get("/api/webhooks/endpoints/" + id, other).status()).isEqualTo(404);
    assertThat(gw.http().get("/api/webhooks/endpoints", other).jsonList()).isEmpty();

    Http.Answer deleted = gw.http().send(gw.http().request("/api/webhooks/endpoints/" + id, token)
        .DELETE().build());
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(gw.http().get("/api/webhooks/endpoints/" + id, token).status()).isEqualTo(404);
    pay(token);
    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void badRegistrationsAreRefusedNamingTheField() {
    start(Map.of("webhooks.allow.http", "false"));
    String token = gw.newMerchantToken();

    Http.Answer http = register(token, endpointBody(receiver.url(), "[\"payment.authorised\"]"));
    assertThat(http.status()).isEqualTo(400);
    assertThat(http.body()).contains("url").contains("https");

    Http.Answer unknownType = register(token, endpointBody("https://127.0.0.1/x",
        "[\"payment.exploded\"]"));
    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(unknownType.body()).contains("events").contains("payment.exploded");

    Http.Answer noEvents = register(token, endpointBody("https://127.0.0.1/x", "[]"));
    assertThat(noEvents.status()).isEqualTo(400);
    assertThat(noEvents.body()).contains("events");

    Http.Answer garbage = register(token, endpointBody("https://exa mple.com/x",
        "[\"payment.authorised\"]"));
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.body()).contains("url");

    assertThat(gw.http().get("/api/webhooks/endpoints", token).jsonList()).isEmpty();
    assertThat(gw.http().get("/api/webhooks/endpoints", null).status()).isEqualTo(401);
  }

  @Test
  void duringARotationBothSecretsSignUntilTheOldOneExpires() {
    start(Map.of("webhooks.secret.overlap", "3s"));
    String token = gw.newMerchantToken();
    Http.Answer created = register(token, endpointBody(receiver.url(), "[\"payment.authorised\"]"));
    String id = created.string("id");
    String oldSecret = created.string("secret");

    Http.Answer rotated = gw.http().post("/api/webhooks/endpoints/" + id + "/rotate-secret",
        token, "");
    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    String newSecret = rotated.string("secret");
    assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
    assertThat(rotated.string("previousSecretExpires")).isNotNull();

    String during = pay(token);
    await().atMost(WAIT).until(() -> !receiver.forPayment(during).isEmpty());
    WebhookReceiver.Received r = receiver.forPayment(during).get(0);
    assertThat(r.v1()).hasSize(2);
    assertThat(r.signedWith(oldSecret)).isTrue();
    assertThat(r.signedWith(newSecret)).isTrue();

    // After the overlap only the new secret signs.
    await().atMost(WAIT).until(() -> {
      String after = pay(token);
      await().atMost(WAIT).until(() -> !receiver.forPayment(after).isEmpty());
      return receiver.forPayment(after).get(0).v1().size() == 1;
    });
    WebhookReceiver.Received last = receiver.received().get(receiver.received().size() - 1);
    assertThat(last.signedWith(newSecret)).isTrue();
    assertThat(last.signedWith(oldSecret)).isFalse();
  }

  @Test
  void aSecretRotatedAfterADeliverySignsTheVeryNextOne() {
    // The sender caches endpoints: the rotation must reach it at once, not when the entry expires.
    start(Map.of());
    String token = gw.newMerchantToken();
    Http.Answer created = register(token, endpointBody(receiver.url(), "[\"payment.authorised\"]"));
    String id = created.string("id");
    String before = pay(token);
    await().atMost(WAIT).until(() -> !receiver.forPayment(before).isEmpty());
    assertThat(receiver.forPayment(before).get(0).signedWith(created.string("secret"))).isTrue();

    String newSecret = gw.http().post("/api/webhooks/endpoints/" + id + "/rotate-secret", token,
        "").string("secret");
    String after = pay(token);

    await().atMost(WAIT).until(() -> !receiver.forPayment(after).isEmpty());
    WebhookReceiver.Received r = receiver.forPayment(after).get(0);
    assertThat(r.v1()).hasSize(2);
    assertThat(r.signedWith(newSecret)).isTrue();
  }

  @Test
  void anEndpointThatKeepsFailingIsDisabledAndTheOperatorSeesAndReplaysIt() {
    start(Map.of("webhooks.disable.failures", "3", "webhooks.disable.after", "1ms"));
    String token = gw.newMerchantToken();
    String id = register(token, endpointBody(receiver.url(), "[\"payment.authorised\"]"))
        .string("id");
    receiver.answerAlways(500);

    String first = pay(token);
    await().atMost(WAIT).until(() -> !(Boolean) gw.http()
        .get("/api/webhooks/endpoints/" + id, token).json().get("enabled"));
    Map<String, Object> disabled = gw.http().get("/api/webhooks/endpoints/" + id, token).json();
    assertThat((String) disabled.get("disabledReason")).contains("3 failed attempts in a row");
    int attemptsWhenDisabled = receiver.received().size();
    assertThat(attemptsWhenDisabled).isEqualTo(3);

    // The operator sees it among the disabled ones.
    List<Map<String, Object>> all = gw.http().get("/admin/webhooks/endpoints",
        TestGateway.OPERATOR_KEY).jsonList();
    assertThat(all).filteredOn(e -> id.equals(e.get("id"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("enabled", false).containsKey("merchantId"));
    String merchantId = (String) all.stream().filter(e -> id.equals(e.get("id"))).findFirst()
        .orElseThrow().get("merchantId");
    assertThat(gw.http().get("/admin/webhooks/endpoints?merchant=" + merchantId,
        TestGateway.OPERATOR_KEY).jsonList()).extracting(e -> e.get("id")).containsExactly(id);
    assertThat(gw.http().get("/admin/webhooks/endpoints", token).status()).isIn(401, 403);

    // Events keep being written while it is disabled, but none is sent.
    String second = pay(token);
    receiver.answerAlways(200);
    Http.Answer replay = gw.http().post("/admin/webhooks/endpoints/" + id + "/replay",
        TestGateway.OPERATOR_KEY, "");
    assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
    await().atMost(WAIT).until(() -> !receiver.forPayment(second).isEmpty());
    assertThat(receiver.forPayment(first)).hasSizeGreaterThan(3);
    assertThat(gw.http().get("/api/webhooks/endpoints/" + id, token).json().get("enabled"))
        .isEqualTo(true);

    // A delivered event can be sent again by its id, with the same id.
    String eventId = receiver.forPayment(second).get(0).id();
    Http.Answer again = gw.http().post("/admin/webhooks/events/" + eventId + "/replay",
        TestGateway.OPERATOR_KEY, "");
    assertThat(again.status()).as(again.toString()).isEqualTo(202);
    await().atMost(WAIT).until(() -> receiver.forPayment(second).size() == 2);
    assertThat(receiver.forPayment(second)).extracting(WebhookReceiver.Received::id)
        .containsOnly(eventId);
    assertThat(gw.http().post("/admin/webhooks/events/evt_nothing/replay",
        TestGateway.OPERATOR_KEY, "").status()).isEqualTo(404);
  }

  @Test
  void aMerchantEnablesItsDisabledEndpointAndTheWaitingEventsGoOut() {
    start(Map.of("webhooks.disable.failures", "2", "webhooks.disable.after", "1ms"));
    String token = gw.newMerchantToken();
    String id = register(token, endpointBody(receiver.url(), "[\"payment.authorised\"]"))
        .string("id");
    receiver.answerAlways(503);
    String first = pay(token);
    await().atMost(WAIT).until(() -> !(Boolean) gw.http()
        .get("/api/webhooks/endpoints/" + id, token).json().get("enabled"));
    receiver.answerAlways(200);

    Http.Answer enabled = gw.http().post("/api/webhooks/endpoints/" + id + "/enable", token, "");

    assertThat(enabled.status()).isEqualTo(200);
    assertThat(enabled.json().get("enabled")).isEqualTo(true);
    await().atMost(WAIT).until(() -> receiver.forPayment(first).size() == 3);
  }

  String pay(String token) {
    Http.Answer a = gw.http().post("/api/process", token,
        payment(Cards.AUTHORISED, "10.00", "EUR"));
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return a.string("id");
  }
}
