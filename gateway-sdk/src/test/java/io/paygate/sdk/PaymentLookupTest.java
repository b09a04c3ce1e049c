package io.paygate.sdk;

import static io.paygate.sdk.FakeGateway.json;
import static io.paygate.sdk.FakeGateway.paymentJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code client.payment(id)}: one opaque path segment, and a payment equal to itself. */
class PaymentLookupTest {
  private FakeGateway gateway;
  private PaygateClient client;

  @BeforeEach void setUp() throws Exception {
    gateway = new FakeGateway();
    client = gateway.client();
  }

  @AfterEach void tearDown() {
    gateway.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void dotSegmentsAreRefusedBeforeAnyRequestInsteadOfReachingAnotherRoute(String id) {
    assertThatThrownBy(() -> client.payment(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a payment id");
    assertThat(gateway.requests).as("nothing sent, neither /api/history nor /api/").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/../..", "%2e%2e", ".%2E", "...", "p?x=1", "p#f"})
  void anyOtherIdIsSentAsOneEncodedSegmentUnderTheHistory(String id) {
    gateway.enqueue(json(200, paymentJson("p-1", "Authorised")));

    client.payment(id);

    String path = gateway.apiRequests().get(0).path;
    assertThat(path).startsWith("/api/history/");
    assertThat(path.substring("/api/history/".length())).doesNotContain("/").isNotEmpty();
    assertThat(gateway.apiRequests().get(0).target).doesNotContain("?").doesNotContain("#");
  }

  @Test void theSamePaymentFetchedTwiceIsEqualToItself() {
    gateway.enqueue(json(200, paymentJson("p-1", "Authorised")), json(200, paymentJson("p-1", "Authorised")));

    Payment first = client.payment("p-1");
    Payment second = client.payment("p-1");

    assertThat(first.requestId()).isNotEqualTo(second.requestId()); // two answers...
    assertThat(second).isEqualTo(first).hasSameHashCodeAs(first); // ...one payment
  }

  @Test void equalityIsThePaymentsDataNotTheAnswerItCameIn() {
    Payment payment = new Payment.Builder().id("p-1").status(PaymentStatus.AUTHORISED)
        .amount(Money.of("42.50", "EUR")).processedAt(Instant.parse("2026-11-25T22:11:31Z"))
        .requestId("req-1").build();
    Payment replay = payment.newBuilder().requestId("req-2").replayed(true).build();

    assertThat(replay).isEqualTo(payment).hasSameHashCodeAs(payment);
    assertThat(payment.newBuilder().status(PaymentStatus.DECLINED).build()).isNotEqualTo(payment);
    assertThat(payment.newBuilder().errorCode("x").build()).isNotEqualTo(payment);
  }
}
