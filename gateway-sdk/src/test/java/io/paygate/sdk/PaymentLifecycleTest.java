package io.paygate.sdk;

import static io.paygate.sdk.FakeGateway.json;
import static io.paygate.sdk.FakeGateway.paymentJson;
import static io.paygate.sdk.FakeGateway.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.sdk.FakeGateway.Recorded;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Captures, voids and refunds against a fake gateway: what is sent, retried and read. */
class PaymentLifecycleTest {
  private FakeGateway gateway;
  private PaygateClient client;

  @BeforeEach void setUp() throws Exception {
    gateway = new FakeGateway();
    client = gateway.client();
  }

  @AfterEach void tearDown() {
    gateway.close();
  }

  static String detailJson(String status, long captured, long refunded, String operations) {
    String payment = paymentJson("p-1", status);
    return payment.substring(0, payment.length() - 1) + ",\"amountMinor\":4250,\"capturedAmount\":"
        + captured + ",\"refundedAmount\":" + refunded + ",\"capturableAmount\":"
        + (status.equals("Authorised") ? 4250 - captured : 0) + ",\"refundableAmount\":"
        + (captured - refunded) + ",\"operations\":[" + operations + "]}";
  }

  static String operationJson(String id, String type, String status, long amount) {
    return "{\"id\":\"" + id + "\",\"paymentId\":\"p-1\",\"type\":\"" + type + "\",\"status\":\""
        + status + "\",\"amount\":" + amount + ",\"currency\":\"EUR\","
        + "\"createdAt\":\"2026-11-25T22:12:00Z\",\"processedAt\":\"2026-11-25T22:12:01Z\","
        + "\"acquirerReference\":\"piggy-op\",\"errorCode\":null}";
  }

  static String answer(String operation, String detail) {
    return operation.substring(0, operation.length() - 1) + ",\"payment\":" + detail + "}";
  }

  @Test void refundSendsMinorUnitsWithAKeyAndReadsTheOperationAndTheRemainingAmounts() {
    String op = operationJson("o-1", "refund", "Succeeded", 1250);
    gateway.enqueue(json(201, answer(op, detailJson("PartiallyRefunded", 4250, 1250, op))));

    OperationResult result = client.refund("p-1", Money.of("12.50", "EUR"));

    Recorded sent = gateway.requestsTo("/api/payments/p-1/refunds").get(0);
    assertThat(sent.method).isEqualTo("POST");
    assertThat(sent.body).isEqualTo("{\"amount\":1250,\"currency\":\"EUR\"}");
    assertThat(sent.header("Idempotency-Key")).isEqualTo(result.idempotencyKey()).isNotBlank();
    assertThat(result.operation().type()).isEqualTo(OperationType.REFUND);
    assertThat(result.operation().status()).isEqualTo(OperationStatus.SUCCEEDED);
    assertThat(result.operation().amount()).isEqualTo(Money.of("12.50", "EUR"));
    assertThat(result.payment().payment().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(result.payment().refundable()).isEqualTo(Money.of("30.00", "EUR"));
    assertThat(result.payment().refunded()).isEqualTo(Money.of("12.50", "EUR"));
    assertThat(result.payment().operations()).singleElement()
        .extracting(PaymentOperation::id).isEqualTo("o-1");
    assertThat(result.replayed()).isFalse();
  }

  @Test void aRetryAfterNoAnswerReusesTheSameIdempotencyKey() {
    String op = operationJson("o-2", "capture", "Succeeded", 4250);
    gateway.enqueue(FakeGateway.reset(),
        json(201, answer(op, detailJson("Captured", 4250, 0, op))));

    OperationResult result = client.capture("p-1", Money.of("42.50", "EUR"));

    List<Recorded> sent = gateway.requestsTo("/api/payments/p-1/captures");
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).header("Idempotency-Key")).isEqualTo(sent.get(0).header("Idempotency-Key"));
    assertThat(result.payment().payment().status()).isEqualTo(PaymentStatus.CAPTURED);
  }

  @Test void anIllegalTransitionIsThrownAtOnceAndNotRetried() {
    gateway.enqueue(problem(409, "illegal-transition",
        "a payment in state Voided cannot take a capture"));

    assertThatThrownBy(() -> client.capture("p-1", Money.of("1.00", "EUR")))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("Voided");
    assertThat(gateway.requestsTo("/api/payments/p-1/captures")).hasSize(1);
  }

  @Test void voidSendsAnEmptyObjectAndADeclineIsAResultNotAnException() {
    String op = operationJson("o-3", "void", "Declined", 4250);
    gateway.enqueue(json(201, answer(op, detailJson("Authorised", 0, 0, op))));

    OperationResult result = client.voidPayment("p-1", "my-key");

    assertThat(gateway.requestsTo("/api/payments/p-1/voids").get(0).body).isEqualTo("{}");
    assertThat(gateway.requestsTo("/api/payments/p-1/voids").get(0).header("Idempotency-Key"))
        .isEqualTo("my-key");
    assertThat(result.operation().status()).isEqualTo(OperationStatus.DECLINED);
  }

  @Test void paymentDetailReadsTheLifecycleAndTheNewStatuses() {
    gateway.enqueue(json(200, detailJson("Refunded", 4250, 4250,
        operationJson("o-1", "capture", "Succeeded", 4250) + ","
            + operationJson("o-2", "refund", "Succeeded", 4250))));

    PaymentDetail detail = client.paymentDetail("p-1");

    assertThat(detail.payment().status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(detail.captured()).isEqualTo(Money.of("42.50", "EUR"));
    assertThat(detail.refundable()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(detail.operations()).extracting(PaymentOperation::type)
        .containsExactly(OperationType.CAPTURE, OperationType.REFUND);
    assertThat(gateway.requestsTo("/api/payments/p-1").get(0).method).isEqualTo("GET");
  }
}
