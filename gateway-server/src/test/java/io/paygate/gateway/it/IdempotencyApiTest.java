package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Idempotency-Key: a retry returns the first outcome and never charges twice. */
class IdempotencyApiTest {
  @TempDir static Path dir;
  static TestGateway gw;
  static String token;

  @BeforeAll
  static void start() {
    // The embedded bank answers slowly, so a request can be caught in flight.
    gw = TestGateway.start(dir, Map.of("acquirer.piggybank.simulatorDelay", "1500ms"));
    token = gw.newMerchantToken();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void replayReturnsTheStoredOutcomeAndChargesOnce() {
    String key = UUID.randomUUID().toString();
    String body = payment(Cards.AUTHORISED, "19.99", "EUR");

    Http.Answer first = gw.http().post("/api/process", token, body, "Idempotency-Key", key);
    Http.Answer again = gw.http().post("/api/process", token, body, "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.header("Idempotent-Replayed")).isNull();
    // The replay asked no bank, so it has no bank time (Server-Timing) to tell.
    assertThat(first.header("Server-Timing")).startsWith("bank;dur=");
    assertThat(again.header("Server-Timing")).isNull();
    long stored = gw.http().get("/api/history?limit=200", token).jsonList().stream()
        .filter(p -> p.get("id").equals(first.json().get("id"))).count();
    assertThat(stored).isEqualTo(1);
  }

  @Test
  void sameKeyWithAnotherBodyIs422() {
    String key = UUID.randomUUID().toString();
    gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "1.00", "EUR"),
        "Idempotency-Key", key);

    Http.Answer reuse = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "2.00", "EUR"),
        "Idempotency-Key", key);

    assertThat(reuse.status()).isEqualTo(422);
    assertThat(reuse.string("type")).endsWith("/idempotency-key-reused");
  }

  @Test
  void sameKeyWhileTheFirstIsInFlightIs409() {
    String key = UUID.randomUUID().toString();
    String body = payment(Cards.AUTHORISED, "7.00", "EUR");
    CompletableFuture<Http.Answer> first = CompletableFuture.supplyAsync(
        () -> gw.http().post("/api/process", token, body, "Idempotency-Key", key));
    await().atMost(Duration.ofSeconds(5)).until(() -> gw.http()
        .get("/api/history?limit=5", token).jsonList().stream()
        .anyMatch(p -> "Pending".equals(p.get("status")) && "7.00".equals(amount(p))));

    Http.Answer second = gw.http().post("/api/process", token, body, "Idempotency-Key", key);

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.string("type")).endsWith("/idempotency-in-flight");
    assertThat(first.join().status()).isEqualTo(201);
    Http.Answer third = gw.http().post("/api/process", token, body, "Idempotency-Key", key);
    assertThat(third.json()).isEqualTo(first.join().json());
  }

  @Test
  void keysAreScopedToTheMerchant() {
    String key = UUID.randomUUID().toString();
    String other = gw.newMerchantToken();

    Http.Answer mine = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "3.00", "EUR"),
        "Idempotency-Key", key);
    Http.Answer theirs = gw.http().post("/api/process", other,
        payment(Cards.AUTHORISED, "3.00", "EUR"), "Idempotency-Key", key);

    assertThat(theirs.status()).isEqualTo(201);
    assertThat(theirs.header("Idempotent-Replayed")).isNull();
    assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
  }

  @Test
  void badKeyIsAValidationError() {
    Http.Answer a = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "1", "EUR"),
        "Idempotency-Key", "x".repeat(256));

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).contains("Idempotency-Key");
  }

  private static String amount(Map<String, Object> p) {
    return String.format("%.2f", (Double) p.get("amount"));
  }
}
