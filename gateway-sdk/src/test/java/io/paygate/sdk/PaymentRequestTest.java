package io.paygate.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaymentRequestTest {
  @Test void buildNamesEveryMissingFieldAsTheGatewayWouldInTheSameException() {
    PaymentRequest.Builder builder = new PaymentRequest.Builder().cvv("123").expiryYear(31);

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e).isInstanceOf(PaygateException.class);
          assertThat(e.httpStatus()).as("nothing was sent").isZero();
          assertThat(e.requestId()).isNull();
          assertThat(e.fieldErrors()).extracting(FieldError::field)
              .containsExactly("cardnumber", "expirymonth", "amount", "cardholdername");
          assertThat(e.fieldErrors()).allSatisfy(f -> assertThat(f.message()).isEqualTo("is required"));
          assertThat(e.getMessage()).isEqualTo("payment request refused before sending: "
              + "cardnumber is required; expirymonth is required; amount is required; "
              + "cardholdername is required");
        });
    builder.cardNumber("4242424242424242").expiryMonth(1).amount(Money.of("1.00", "EUR"))
        .cardHolderName("Santa Claus");
    assertThat(builder.build().idempotencyKey()).isNull();
  }

  @Test void badValuesAreInvalidRequestsNamingTheFieldAsTheGatewayDoes() {
    PaymentRequest.Builder builder = new PaymentRequest.Builder();
    assertThat(refusedField(() -> builder.amount(Money.of("0", "EUR")))).isEqualTo("amount");
    assertThat(refusedField(() -> builder.expiryMonth(13))).isEqualTo("expirymonth");
    assertThat(refusedField(() -> builder.expiryYear(20310))).isEqualTo("expiryyear");
    assertThat(refusedField(() -> builder.idempotencyKey(""))).isEqualTo("Idempotency-Key");
    assertThat(refusedField(() -> builder.idempotencyKey("é"))).isEqualTo("Idempotency-Key");
    assertThat(refusedField(() -> builder.idempotencyKey("order 1"))).as("the gateway refuses spaces")
        .isEqualTo("Idempotency-Key");
    assertThat(refusedField(() -> builder.idempotencyKey("x".repeat(256)))).isEqualTo("Idempotency-Key");
    builder.idempotencyKey("x".repeat(255));
    assertThatThrownBy(() -> builder.expiryMonth(13)).hasMessage(
        "payment request refused before sending: expirymonth must be 1..12: 13");
  }

  @Test void nullArgumentsAreProgrammingErrorsNamedByArgument() {
    PaymentRequest.Builder builder = new PaymentRequest.Builder();
    assertThatThrownBy(() -> builder.amount(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("amount == null");
    assertThatThrownBy(() -> builder.cardNumber(null)).hasMessage("cardNumber == null");
  }

  /** The one field an {@link InvalidRequestException} thrown by {@code call} names. */
  private static String refusedField(Runnable call) {
    try {
      call.run();
    } catch (InvalidRequestException e) {
      assertThat(e.httpStatus()).isZero();
      assertThat(e.fieldErrors()).hasSize(1);
      return e.fieldErrors().get(0).field();
    }
    throw new AssertionError("not refused");
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
