package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.OPERATOR_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which answer a request with more than one fault gets, and which refusals are audited, for the
 * requests whose bodies are read into typed requests at the edge: a merchant's acquirers and
 * limits, a webhook endpoint. Written before the bodies moved out of the services, so that the
 * move shows no change to a client or to the audit trail.
 */
class RefusalOrderApiTest {
  @TempDir static Path dir;
  static TestGateway gw;

  @BeforeAll
  static void start() {
    // Private addresses refused (the default), http allowed: the address check is what refuses.
    gw = TestGateway.start(dir, Map.of("webhooks.allow.http", "true"));
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void anUnknownMerchantIsNotFoundBeforeItsBodyIsRead() {
    String nobody = UUID.randomUUID().toString();

    assertThat(put("/admin/merchants/" + nobody + "/acquirer", "{\"acquiringbank\": 5}").status())
        .isEqualTo(404);
    assertThat(put("/admin/merchants/" + nobody + "/acquirer", "{}").status()).isEqualTo(404);
    assertThat(put("/admin/merchants/" + nobody + "/limits", "{\"readsPerSecond\": -1}").status())
        .isEqualTo(404);
    assertThat(put("/admin/merchants/" + nobody + "/limits", "{\"burst\": 1}").status())
        .isEqualTo(404);
  }

  @Test
  void aBodyThatIsNoJsonObjectIsRefusedBeforeTheMerchantIsLookedUp() {
    String nobody = UUID.randomUUID().toString();

    for (String path : List.of("/admin/merchants/" + nobody + "/acquirer",
        "/admin/merchants/not-an-id/acquirer", "/admin/merchants/" + nobody + "/limits",
        "/admin/merchants/not-an-id/limits")) {
      assertMalformed(put(path, ""));
      assertMalformed(put(path, "[]"));
    }
  }

  @Test
  void aMalformedRouteIsRefusedUnauditedAndAnUnknownAcquirerAudited() {
    String id = merchant();

    Http.Answer malformed = put("/admin/merchants/" + id + "/acquirer", "{\"acquiringbank\": 5}");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(errors(malformed)).containsExactly("acquiringbank: must be an acquirer's name, or a"
        + " list of 1 to 5 names in the order to try them");
    assertThat(errors(put("/admin/merchants/" + id + "/acquirer", "{}")))
        .containsExactly("acquiringbank: is required");

    Http.Answer twice = put("/admin/merchants/" + id + "/acquirer",
        "{\"acquiringbank\": [\"PiggyBank\", \"piggybank\"]}");
    assertThat(twice.status()).isEqualTo(422);
    assertThat(twice.string("type")).endsWith("/unknown-acquirer");
    assertThat(twice.string("detail")).isEqualTo("acquiringbank: entry 2: names PiggyBank again");

    // The audit log writes in order, in the background: once the 422's row is there, a row of
    // the 400s would be too.
    await().until(() -> !audit(id, "merchant.acquirer.changed").isEmpty());
    assertThat(audit(id, "merchant.acquirer.changed"))
        .containsExactly("failure: entry 2: names PiggyBank again");
  }

  @Test
  void refusedLimitsNameEveryFieldInOrderAndAreAudited() {
    String id = merchant();

    Http.Answer bad = put("/admin/merchants/" + id + "/limits",
        "{\"WritesPerSecond\": 1.5, \"Burst\": 3, \"readsPerSecond\": \"5\"}");
    assertThat(bad.status()).isEqualTo(400);
    String wholeNumber = "must be a whole number from 0 (no limit) to 1000000, or null for the"
        + " default";
    assertThat(errors(bad)).containsExactly(
        "burst: is not a limit; use readsPerSecond or writesPerSecond",
        "readsPerSecond: " + wholeNumber,
        "writesPerSecond: " + wholeNumber);
    await().until(() -> !audit(id, "merchant.limits.changed").isEmpty());
    assertThat(audit(id, "merchant.limits.changed")).containsExactly("failure: invalid limits");

    // Left out keeps, null gives the default back, a number sets: each field on its own.
    Http.Answer set = put("/admin/merchants/" + id + "/limits",
        "{\"readsPerSecond\": 5, \"writesPerSecond\": 0}");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    Http.Answer kept = put("/admin/merchants/" + id + "/limits", "{\"writesPerSecond\": null}");
    assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
    assertThat(own(kept)).containsEntry("readsPerSecond", 5.0)
        .containsEntry("writesPerSecond", null);
    await().until(() -> audit(id, "merchant.limits.changed").size() == 3);
    assertThat(audit(id, "merchant.limits.changed")).containsExactly("failure: invalid limits",
        "success: reads default, writes default -> reads 5/s, writes 0/s",
        "success: reads 5/s, writes 0/s -> reads 5/s, writes default");
  }

  @Test
  void aWebhookEndpointsBadFieldsAreNamedTogetherBeforeItsAddressAndTheCount() {
    String token = gw.newMerchantToken();

    Http.Answer both = register(token, "{\"url\": \"ftp://hooks.example/x\","
        + " \"events\": \"payment.authorised\"}");
    assertThat(both.status()).isEqualTo(400);
    assertThat(errors(both)).containsExactly("url: must be an http or https URL",
        "events: is required: a non-empty array of event types");
    assertThat(errors(register(token, "{\"url\": \"https://u:p@hooks.example/x#f\","
        + " \"events\": [\"payment.authorised\", 7]}"))).containsExactly(
        "url: must be an absolute URL with a host, no user info or fragment, at most 2000"
            + " characters",
        "events: has an unknown event type: 7; known are payment.authorised, payment.declined,"
            + " payment.failed, payment.unknown, payment.settled, capture.succeeded,"
            + " capture.declined, capture.failed, capture.unknown, refund.succeeded,"
            + " refund.declined, refund.failed, refund.unknown, void.succeeded, void.declined,"
            + " void.failed, void.unknown");

    Http.Answer privateAddress = register(token, endpoint("https://127.0.0.1/x"));
    assertThat(privateAddress.status()).isEqualTo(400);
    assertThat(errors(privateAddress)).singleElement().asString().startsWith("url: ")
        .contains("webhooks.allow.private.addresses");

    // A public address given literally: registration resolves it without a DNS server.
    for (int i = 0; i < 16; i++) {
      assertThat(register(token, endpoint("https://203.0.113." + (i + 1) + "/x")).status())
          .isEqualTo(201);
    }
    assertThat(register(token, "{\"url\": \"https://203.0.113.99/x\", \"events\": []}").status())
        .as("a bad body before the count").isEqualTo(400);
    assertThat(register(token, endpoint("https://203.0.113.99/x")).status()).isEqualTo(409);
  }

  private static String endpoint(String url) {
    return "{\"url\": \"" + url + "\", \"events\": [\"payment.authorised\"]}";
  }

  private static Http.Answer register(String token, String body) {
    return gw.http().post("/api/webhooks/endpoints", token, body);
  }

  private static void assertMalformed(Http.Answer a) {
    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    assertThat(a.string("type")).endsWith("/malformed-json");
  }

  /** The problem's field errors as {@code field: message}, in the order given. */
  @SuppressWarnings("unchecked")
  private static List<String> errors(Http.Answer a) {
    return ((List<Map<String, Object>>) a.json().get("errors")).stream()
        .map(e -> e.get("field") + ": " + e.get("message")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> own(Http.Answer limits) {
    return (Map<String, Object>) limits.json().get("own");
  }

  /** The merchant's audit rows of this event as {@code outcome: detail}, oldest first. */
  private static List<String> audit(String merchantId, String event) {
    List<Map<String, Object>> rows = new java.util.ArrayList<>(gw.http()
        .get("/admin/audit?limit=200&merchant=" + merchantId, OPERATOR_KEY).jsonList());
    java.util.Collections.reverse(rows);
    return rows.stream().filter(r -> event.equals(r.get("event")))
        .map(r -> r.get("outcome") + ": " + r.get("detail")).toList();
  }

  private static String merchant() {
    String login = "order-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Answer a = gw.http().post("/createuser", OPERATOR_KEY, "{\"login\":\"" + login
        + "\",\"name\":\"Shop\",\"password\":\"" + TestGateway.PASSWORD
        + "\",\"acquiringbank\":\"PiggyBank\"}");
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return a.string("id");
  }

  private static Http.Answer put(String path, String body) {
    return gw.http().send(gw.http().request(path, OPERATOR_KEY)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
  }
}
