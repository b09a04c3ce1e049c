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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSRF: by default no webhook reaches loopback, link-local (cloud metadata) or private addresses,
 * neither when registered nor when delivered (an address that changed since registration).
 */
class WebhookSsrfTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"https://127.0.0.1/hook", "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.1/hook", "https://[::1]/hook", "https://[::ffff:127.0.0.1]/hook",
      "https://localhost/hook"})
  void registrationRefusesInternalAddressesByDefault(String url) {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      String token = gw.newMerchantToken();
      Http.Answer a = gw.http().post("/api/webhooks/endpoints", token,
          "{\"url\":\"" + url + "\",\"events\":[\"payment.authorised\"]}");

      assertThat(a.status()).as(a.toString()).isEqualTo(400);
      assertThat(a.body()).contains("url").contains("webhooks.allow.private.addresses");
      assertThat(gw.http().get("/api/webhooks/endpoints", token).jsonList()).isEmpty();
    }
  }

  @Test
  void deliveryRefusesAnEndpointThatNowResolvesToAnInternalAddress() {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      Map<String, String> allowed = WebhookDeliveryTest.settings(Map.of());
      String token;
      String endpoint;
      try (TestGateway gw = TestGateway.start(dir, allowed)) {
        token = gw.newMerchantToken();
        endpoint = gw.http().post("/api/webhooks/endpoints", token, "{\"url\":\""
            + receiver.url() + "\",\"events\":[\"payment.authorised\"]}").string("id");
      }
      // The same endpoint after the operator withdrew the permission (as good as a host whose
      // DNS now answers 127.0.0.1): the attempt is refused before any connection is made. The
      // URL's host is an IP literal, which OkHttp never asks its Dns about: checked anyway.
      Map<String, String> refused = new java.util.HashMap<>(allowed);
      refused.put("webhooks.allow.private.addresses", "false");
      try (TestGateway gw = TestGateway.start(dir, refused)) {
        String login = token; // still valid: the same signing key, from the same data folder
        Http.Answer paid = gw.http().post("/api/process", login,
            payment(Cards.AUTHORISED, "10.00", "EUR"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).until(() -> gw.http().get(
            "/api/webhooks/endpoints/" + endpoint + "/deliveries", login).jsonList().size() >= 2);
        List<Map<String, Object>> attempts = gw.http().get(
            "/api/webhooks/endpoints/" + endpoint + "/deliveries", login).jsonList();
        assertThat(attempts).allSatisfy(a -> {
          assertThat(a.get("statusCode")).isNull();
          assertThat((String) a.get("error")).contains("127.0.0.1")
              .contains("webhooks.allow.private.addresses");
        });
        assertThat(receiver.received()).isEmpty();
      }
    }
  }
}
