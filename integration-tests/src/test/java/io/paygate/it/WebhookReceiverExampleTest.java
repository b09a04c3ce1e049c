package io.paygate.it;

import static io.paygate.it.TestCards.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.squareup.moshi.Moshi;
import io.paygate.examples.webhooks.WebhookReceiver;
import io.paygate.sdk.Payment;
import io.paygate.sdk.PaygateClient;
import io.paygate.sdk.PaymentStatus;
import io.paygate.sdk.WebhookEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example webhook receiver (examples/webhook-receiver) against the real gateway: the SDK
 * verifies the real gateway's signatures, and a forged request is refused.
 */
class WebhookReceiverExampleTest {
  @TempDir Path dataDir;
  LiveGateway gateway;

  @BeforeEach void start() {
    // The receiver is on loopback, over plain HTTP: both allowed here explicitly, as an operator
    // would for a receiver on its own network.
    gateway = LiveGateway.start(dataDir, Map.of("webhooks.allow.private.addresses", "true",
        "webhooks.allow.http", "true", "webhooks.poll.interval", "100ms"));
  }

  @AfterEach void stop() {
    gateway.close();
  }

  @Test void theExampleReceiverVerifiesAndPrintsTheGatewaysEvents() throws Exception {
    String login = gateway.createMerchant();
    String token = token(login);
    List<WebhookEvent> events = new CopyOnWriteArrayList<>();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    // The secret is only known once the endpoint exists, and the endpoint needs the port: start
    // on a free port, register, then start the example there with the secret.
    int port;
    try (WebhookReceiver probe = WebhookReceiver.start("127.0.0.1", 0, "x", e -> { })) {
      port = probe.port();
    }
    HttpResponse<String> created = gateway.post("/api/webhooks/endpoints", token,
        "{\"url\":\"http://127.0.0.1:" + port + "/webhooks\",\"events\":[\"payment.authorised\","
            + "\"payment.declined\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String secret = (String) json(created.body()).get("secret");

    try (WebhookReceiver receiver = WebhookReceiver.start("127.0.0.1", port, secret, e -> {
      events.add(e);
      out.println(WebhookReceiver.describe(e));
    })) {
      PaygateClient client = gateway.client(login).build();
      Payment authorised = client.submit(payment(TestCards.AUTHORISED, "42.50", "EUR").build());
      Payment declined = client.submit(payment(TestCards.DECLINED, "10.00", "EUR").build());

      await().atMost(Duration.ofSeconds(15)).until(() -> events.size() == 2);
      assertThat(events).extracting(WebhookEvent::type)
          .containsExactlyInAnyOrder("payment.authorised", "payment.declined");
      WebhookEvent first = events.stream().filter(e -> e.type().equals("payment.authorised"))
          .findFirst().orElseThrow();
      assertThat(first.payment().id()).isEqualTo(authorised.id());
      assertThat(first.payment().status()).isEqualTo(PaymentStatus.AUTHORISED);
      assertThat(first.payment().amount()).isEqualTo(authorised.amount());
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains(authorised.id())
          .contains(declined.id()).contains("411111******1111");

      // A request not signed with the secret is refused, and not handled.
      HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/webhooks"))
          .header("Paygate-Signature", "t=" + System.currentTimeMillis() / 1000 + ",v1=00")
          .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"evt_forged\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(forged.statusCode()).isEqualTo(400);
      assertThat(events).hasSize(2);
    }
  }

  private String token(String login) {
    HttpResponse<String> answer = gateway.post("/login", null,
        "{\"login\":\"" + login + "\",\"password\":\"" + LiveGateway.PASSWORD + "\"}");
    return (String) json(answer.body()).get("token");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String body) {
    try {
      return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
