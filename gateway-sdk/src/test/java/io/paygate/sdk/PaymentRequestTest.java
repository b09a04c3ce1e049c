package io.paygate.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaymentRequestTest {
  @Test void buildSaysWhichFieldIsMissing() {
    PaymentRequest.Builder builder = new PaymentRequest.Builder();
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessage("amount required");
    builder.amount(Money.of("1.00", "EUR"));
    assertThatThrownBy(builder::build).hasMessage("cardNumber required");
    builder.cardNumber("4242424242424242");
    assertThatThrownBy(builder::build).hasMessage("cvv required");
    builder.cvv("123");
    assertThatThrownBy(builder::build).hasMessage("expiryMonth required");
    builder.expiryMonth(1);
    assertThatThrownBy(builder::build).hasMessage("expiryYear required");
    builder.expiryYear(31);
    assertThatThrownBy(builder::build).hasMessage("cardHolderName required");
    builder.cardHolderName("Santa Claus");
    assertThat(builder.build().idempotencyKey()).isNull();
  }

  @Test void argumentsAreCheckedByName() {
    PaymentRequest.Builder builder = new PaymentRequest.Builder();
    assertThatThrownBy(() -> builder.amount(null)).hasMessage("amount == null");
    assertThatThrownBy(() -> builder.amount(Money.of("0", "EUR"))).hasMessage("amount must be positive: 0.00 EUR");
    assertThatThrownBy(() -> builder.cardNumber(null)).hasMessage("cardNumber == null");
    assertThatThrownBy(() -> builder.expiryMonth(13)).hasMessage("expiryMonth must be 1..12: 13");
    assertThatThrownBy(() -> builder.idempotencyKey("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.idempotencyKey("é")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.idempotencyKey("x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
    builder.idempotencyKey("x".repeat(255));
  }

  @Test void newBuilderCopiesEverything() {
    PaymentRequest request = SubmitPaymentTest.request().newBuilder().idempotencyKey("order-1").build();
    PaymentRequest copy = request.newBuilder().build();
    assertThat(copy.cardNumber()).isEqualTo(request.cardNumber());
    assertThat(copy.cvv()).isEqualTo(request.cvv());
    assertThat(copy.amount()).isEqualTo(request.amount());
    assertThat(copy.expiryMonth()).isEqualTo(12);
    assertThat(copy.expiryYear()).isEqualTo(2031);
    assertThat(copy.cardHolderName()).isEqualTo("Santa Claus");
    assertThat(copy.idempotencyKey()).isEqualTo("order-1");
  }
}
