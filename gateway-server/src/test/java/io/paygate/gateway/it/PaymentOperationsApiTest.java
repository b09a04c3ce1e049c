package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures, voids and refunds through the REST API against the embedded Piggy Bank: each
 * operation, each illegal transition, the problems, idempotency, and concurrent refunds.
 */
class PaymentOperationsApiTest {
  @TempDir static Path dir;
  static TestGateway gw;
  static String token;

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of());
    token = gw.newMerchantToken();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  private static String authorised(String amount) {
    Http.Answer paid = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, amount, "EUR"));
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    assertThat(paid.string("status")).isEqualTo("Authorised");
    return paid.string("id");
  }

  private static Http.Answer operate(String id, String kind, String body, String key) {
    return key == null
        ? gw.http().post("/api/payments/" + id + "/" + kind, token, body)
        : gw.http().post("/api/payments/" + id + "/" + kind, token, body, "Idempotency-Key", key);
  }

  private static String money(long minor) {
    return "{\"amount\": " + minor + ", \"currency\": \"EUR\"}";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> paymentOf(Http.Answer a) {
    return (Map<String, Object>) a.json().get("payment");
  }

  private static long number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }

  @Test
  void partialCaptureThenFullCaptureThenPartialRefundsMoveTheStatusAndTheRemainingAmounts() {
    String id = authorised("100.00");

    Http.Answer part = operate(id, "captures", money(4000), null);
    assertThat(part.status()).as(part.toString()).isEqualTo(201);
    assertThat(part.string("status")).isEqualTo("Succeeded");
    assertThat(part.string("type")).isEqualTo("capture");
    assertThat(paymentOf(part)).containsEntry("status", "PartiallyCaptured");
    assertThat(number(paymentOf(part), "capturableAmount")).isEqualTo(6000);
    assertThat(number(paymentOf(part), "refundableAmount")).isEqualTo(4000);

    Http.Answer rest = operate(id, "captures", money(6000), null);
    assertThat(paymentOf(rest)).containsEntry("status", "Captured");
    assertThat(number(paymentOf(rest), "capturableAmount")).isZero();

    Http.Answer refund = operate(id, "refunds", money(2500), null);
    assertThat(refund.status()).isEqualTo(201);
    assertThat(paymentOf(refund)).containsEntry("status", "PartiallyRefunded");
    assertThat(number(paymentOf(refund), "refundableAmount")).isEqualTo(7500);

    Http.Answer all = operate(id, "refunds", money(7500), null);
    assertThat(paymentOf(all)).containsEntry("status", "Refunded");

    Http.Answer read = gw.http().get("/api/payments/" + id, token);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).containsEntry("status", "Refunded");
    assertThat(number(read.json(), "capturedAmount")).isEqualTo(10000);
    assertThat(number(read.json(), "refundedAmount")).isEqualTo(10000);
    assertThat((List<?>) read.json().get("operations")).hasSize(4);
    // The seed's view of the payment keeps working and shows the new status.
    assertThat(gw.http().get("/api/history/" + id, token).string("status")).isEqualTo("Refunded");
  }

  @Test
  void aVoidReleasesTheAuthorisationAndThenNothingElseIsAllowed() {
    String id = authorised("20.00");

    Http.Answer voided = operate(id, "voids", "{}", null);
    assertThat(voided.status()).as(voided.toString()).isEqualTo(201);
    assertThat(paymentOf(voided)).containsEntry("status", "Voided");

    Http.Answer capture = operate(id, "captures", money(100), null);
    assertThat(capture.status()).isEqualTo(409);
    assertThat(capture.string("type")).endsWith("/illegal-transition");
    assertThat(capture.string("currentState")).isEqualTo("Voided");
    assertThat(operate(id, "voids", "{}", null).status()).isEqualTo(409);
    assertThat(operate(id, "refunds", money(100), null).status()).isEqualTo(409);
  }

  @Test
  void illegalTransitionsAre409WithTheCurrentState() {
    String authorisedOnly = authorised("10.00");
    Http.Answer refundBeforeCapture = operate(authorisedOnly, "refunds", money(100), null);
    assertThat(refundBeforeCapture.status()).isEqualTo(409);
    assertThat(refundBeforeCapture.string("currentState")).isEqualTo("Authorised");

    operate(authorisedOnly, "captures", money(500), null);
    Http.Answer voidAfterCapture = operate(authorisedOnly, "voids", "{}", null);
    assertThat(voidAfterCapture.status()).isEqualTo(409);
    assertThat(voidAfterCapture.string("currentState")).isEqualTo("PartiallyCaptured");

    Http.Answer declined = gw.http().post("/api/process", token, payment(Cards.DECLINED, "5.00", "EUR"));
    Http.Answer captureDeclined = operate(declined.string("id"), "captures", money(100), null);
    assertThat(captureDeclined.status()).isEqualTo(409);
    assertThat(captureDeclined.string("currentState")).isEqualTo("Declined");
  }

  @Test
  void amountsOverWhatRemainsAre422NamingTheRemainder() {
    String id = authorised("10.00");
    Http.Answer over = operate(id, "captures", money(1001), null);
    assertThat(over.status()).isEqualTo(422);
    assertThat(over.string("type")).endsWith("/amount-exceeds-remaining");
    assertThat(number(over.json(), "remaining")).isEqualTo(1000);

    operate(id, "captures", money(1000), null);
    operate(id, "refunds", money(300), null);
    Http.Answer refundOver = operate(id, "refunds", money(701), null);
    assertThat(refundOver.status()).isEqualTo(422);
    assertThat(number(refundOver.json(), "remaining")).isEqualTo(700);
  }

  @Test
  void badInputIs400NamingTheField() {
    String id = authorised("10.00");
    Http.Answer currency = operate(id, "captures", "{\"amount\": 100, \"currency\": \"USD\"}", null);
    assertThat(currency.status()).isEqualTo(400);
    assertThat(currency.body()).contains("\"currency\"");
    Http.Answer fraction = operate(id, "captures", "{\"amount\": 10.5, \"currency\": \"EUR\"}", null);
    assertThat(fraction.status()).isEqualTo(400);
    assertThat(fraction.body()).contains("\"amount\"");
    assertThat(operate(id, "refunds", "{}", null).status()).isEqualTo(400);
    assertThat(operate(UUID.randomUUID().toString(), "captures", money(100), null).status())
        .isEqualTo(404);
  }

  @Test
  void theBanksRefusalIsADeclinedOperationAndReleasesTheAmount() {
    String id = authorised("10.00");
    // Piggy Bank refuses a capture whose amount ends in 51 minor units.
    Http.Answer refused = operate(id, "captures", money(251), null);
    assertThat(refused.status()).isEqualTo(201);
    assertThat(refused.string("status")).isEqualTo("Declined");
    assertThat(refused.string("errorCode")).isEqualTo("capture_refused");
    assertThat(paymentOf(refused)).containsEntry("status", "Authorised");
    assertThat(number(paymentOf(refused), "capturableAmount")).isEqualTo(1000);
  }

  @Test
  void theSameKeyReplaysTheOperationAndAnotherBodyIs422() {
    String id = authorised("10.00");
    operate(id, "captures", money(1000), null);
    String key = UUID.randomUUID().toString();

    Http.Answer first = operate(id, "refunds", money(400), key);
    Http.Answer again = operate(id, "refunds", money(400), key);
    Http.Answer reuse = operate(id, "refunds", money(500), key);

    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.string("id")).isEqualTo(first.string("id"));
    assertThat(number(paymentOf(again), "refundedAmount")).isEqualTo(400);
    assertThat(reuse.status()).isEqualTo(422);
    assertThat(reuse.string("type")).endsWith("/idempotency-key-reused");
  }

  @Test
  void captureTrueAuthorisesAndCapturesInOneRequest() {
    String body = payment(Cards.AUTHORISED, "12.00", "EUR");
    String withCapture = body.substring(0, body.lastIndexOf('}')) + ", \"capture\": true}";

    Http.Answer paid = gw.http().post("/api/process", token, withCapture);

    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    assertThat(paid.string("status")).isEqualTo("Captured");
    assertThat(paid.header("Capture-Status")).isEqualTo("Succeeded");
    Map<String, Object> detail = gw.http().get("/api/payments/" + paid.string("id"), token).json();
    assertThat(number(detail, "capturedAmount")).isEqualTo(1200);
    // Without the flag, a payment is authorised only, as before.
    Http.Answer plain = gw.http().post("/api/process", token, body);
    assertThat(plain.string("status")).isEqualTo("Authorised");
    assertThat(plain.header("Capture-Status")).isNull();
  }

  @Test
  void captureTrueWhoseCaptureIsRefusedLeavesThePaymentAuthorised() {
    String body = payment(Cards.AUTHORISED, "12.51", "EUR");
    Http.Answer paid = gw.http().post("/api/process", token,
        body.substring(0, body.lastIndexOf('}')) + ", \"capture\": true}");

    assertThat(paid.status()).isEqualTo(201);
    assertThat(paid.string("status")).isEqualTo("Authorised");
    assertThat(paid.header("Capture-Status")).isEqualTo("Declined");
    Http.Answer bad = gw.http().post("/api/process", token,
        body.substring(0, body.lastIndexOf('}')) + ", \"capture\": \"yes\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"capture\"");
  }

  @Test
  void anotherMerchantsPaymentIsNotFound() {
    String id = authorised("10.00");
    String stranger = gw.newMerchantToken();
    assertThat(gw.http().post("/api/payments/" + id + "/captures", stranger, money(100)).status())
        .isEqualTo(404);
    assertThat(gw.http().get("/api/payments/" + id, stranger).status()).isEqualTo(404);
  }

  @Test
  void concurrentRefundsNeverExceedTheCapturedAmount() throws Exception {
    String id = authorised("10.00");
    operate(id, "captures", money(1000), null);
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Http.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < threads * 2; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return operate(id, "refunds", money(100), UUID.randomUUID().toString());
        }));
      }
      go.countDown();
      int succeeded = 0;
      for (Future<Http.Answer> f : answers) {
        Http.Answer a = f.get();
        assertThat(a.status()).as(a.toString()).isIn(201, 422);
        if (a.status() == 201) {
          assertThat(a.string("status")).isEqualTo("Succeeded");
          succeeded++;
        }
      }
      assertThat(succeeded).isEqualTo(10);
      Map<String, Object> after = gw.http().get("/api/payments/" + id, token).json();
      assertThat(number(after, "refundedAmount")).isEqualTo(1000);
      assertThat(after).containsEntry("status", "Refunded");
    } finally {
      pool.shutdownNow();
    }
  }
}
