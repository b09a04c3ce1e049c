package io.paygate.it;

import static io.paygate.it.TestCards.authorised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.sdk.IllegalTransitionException;
import io.paygate.sdk.InvalidRequestException;
import io.paygate.sdk.Money;
import io.paygate.sdk.OperationResult;
import io.paygate.sdk.OperationStatus;
import io.paygate.sdk.OperationType;
import io.paygate.sdk.PaygateClient;
import io.paygate.sdk.Payment;
import io.paygate.sdk.PaymentDetail;
import io.paygate.sdk.PaymentOperation;
import io.paygate.sdk.PaymentStatus;
import org.junit.jupiter.api.Test;

/** The SDK's captures, voids and refunds against the real gateway and its Piggy Bank. */
class SdkLifecycleEndToEndTest extends OneGatewayPerClass {
  @Test void captureInPartsThenRefundInPartsThenReadTheLifecycle() {
    PaygateClient client = gateway.client(gateway.createMerchant()).build();
    Payment payment = client.submit(authorised()); // 42.50 EUR

    OperationResult part = client.capture(payment.id(), Money.of("40.00", "EUR"));
    OperationResult rest = client.capture(payment.id(), Money.of("2.50", "EUR"));
    OperationResult refund = client.refund(payment.id(), Money.of("10.00", "EUR"), "refund-1");
    OperationResult retried = client.refund(payment.id(), Money.of("10.00", "EUR"), "refund-1");

    assertThat(part.operation().status()).isEqualTo(OperationStatus.SUCCEEDED);
    assertThat(part.payment().payment().status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
    assertThat(part.payment().capturable()).isEqualTo(Money.of("2.50", "EUR"));
    assertThat(rest.payment().payment().status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(refund.payment().payment().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(retried.replayed()).isTrue();
    assertThat(retried.operation().id()).isEqualTo(refund.operation().id());

    PaymentDetail detail = client.paymentDetail(payment.id());
    assertThat(detail.refunded()).isEqualTo(Money.of("10.00", "EUR"));
    assertThat(detail.refundable()).isEqualTo(Money.of("32.50", "EUR"));
    assertThat(detail.operations()).extracting(PaymentOperation::type)
        .containsExactly(OperationType.CAPTURE, OperationType.CAPTURE, OperationType.REFUND);
    // The payment as history shows it carries the new status too.
    assertThat(client.payment(payment.id()).status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
  }

  @Test void aVoidedPaymentRefusesACaptureWithATypedException() {
    PaygateClient client = gateway.client(gateway.createMerchant()).build();
    Payment payment = client.submit(authorised());

    OperationResult voided = client.voidPayment(payment.id());

    assertThat(voided.operation().status()).isEqualTo(OperationStatus.SUCCEEDED);
    assertThat(voided.payment().payment().status()).isEqualTo(PaymentStatus.VOIDED);
    assertThatThrownBy(() -> client.capture(payment.id(), Money.of("1.00", "EUR")))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.getMessage()).contains("Voided");
        });
  }

  @Test void aRefundOverWhatWasCapturedIsRefusedNamingTheRemainder() {
    PaygateClient client = gateway.client(gateway.createMerchant()).build();
    Payment payment = client.submit(authorised());
    client.capture(payment.id(), Money.of("42.50", "EUR"));

    assertThatThrownBy(() -> client.refund(payment.id(), Money.of("50.00", "EUR")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(422);
          assertThat(e.getMessage()).contains("4250");
        });
  }
}
