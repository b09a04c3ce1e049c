package io.paygate.it;

import static io.paygate.it.TestCards.authorised;
import static io.paygate.it.TestCards.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.paygate.sdk.AuthenticationException;
import io.paygate.sdk.FieldError;
import io.paygate.sdk.InvalidRequestException;
import io.paygate.sdk.Money;
import io.paygate.sdk.NotFoundException;
import io.paygate.sdk.PaygateClient;
import io.paygate.sdk.Payment;
import io.paygate.sdk.PaymentPage;
import io.paygate.sdk.PaymentStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The SDK against the real gateway: every call goes over HTTP to the server started here. */
class SdkEndToEndTest extends OneGatewayPerClass {
  @Test void logsInOnFirstUseAndTakesAnAuthorisedPayment() {
    RecordingListener wire = new RecordingListener();
    PaygateClient client = gateway.client(gateway.createMerchant()).listener(wire).build();

    Payment payment = client.submit(authorised());

    assertThat(wire.exchanges()).containsExactly("POST /login 200", "POST /api/process 201");
    assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORISED);
    assertThat(payment.isFinal()).isTrue();
    assertThat(payment.amount()).isEqualTo(Money.of("42.50", "EUR"));
    assertThat(payment.cardNumber()).isEqualTo("411111******1111");
    assertThat(payment.cardHolderName()).isEqualTo("Santa Claus");
    assertThat(payment.acquirer()).isEqualTo("PiggyBank");
    assertThat(payment.acquirerReference()).isNotBlank();
    assertThat(payment.createdAt()).isNotNull();
    assertThat(payment.replayed()).isFalse();
  }

  @Test void aDeclineIsAPaymentNotAnException() {
    PaygateClient client = gateway.client(gateway.createMerchant()).build();

    Payment payment = client.submit(payment(TestCards.DECLINED, "10.00", "USD").build());

    assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
    assertThat(payment.isFinal()).isTrue();
    assertThat(payment.errorCode()).isNotBlank();
    assertThat(payment.amount()).isEqualTo(Money.of("10.00", "USD"));
  }

  @Test void aBankThatAnswers503GivesAFailedPayment() {
    PaygateClient client = gateway.client(gateway.createMerchant()).build();

    Payment payment = client.submit(payment(TestCards.BANK_UNAVAILABLE, "5", "GBP").build());

    assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(payment.isFinal()).isTrue();
    assertThat(payment.errorCode()).isEqualTo("acquirer_unavailable");
  }

  @Test void anInvalidRequestIsATypedExceptionNamingEachField() {
    RecordingListener wire = new RecordingListener();
    PaygateClient client = gateway.client(gateway.createMerchant()).listener(wire).build();

    assertThatThrownBy(() -> client.submit(payment(TestCards.BAD_CHECK_DIGIT, "100", "JPY")
        .expiryYear(2020).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.fieldErrors()).extracting(FieldError::field)
              .contains("cardnumber", "expiryyear");
          assertThat(e.requestId()).isNotBlank();
          assertThat(e.getMessage()).doesNotContain("4111111111111112", "4111 1111 1111 1112");
        });
    // Never retried: the same request would fail the same way.
    assertThat(wire.count("/api/process")).isEqualTo(1);
    // And nothing was stored.
    assertThat(client.historyPage(10).payments()).isEmpty();
  }

  @Test void moneyThatTheCurrencyCannotHoldNeverLeavesTheMachine() {
    // 10.5 JPY: the gateway would refuse it (the yen has no minor unit); the SDK refuses first.
    assertThatThrownBy(() -> Money.of("10.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test void walksTheHistoryPageByPageAndLazily() {
    RecordingListener wire = new RecordingListener();
    PaygateClient client = gateway.client(gateway.createMerchant()).listener(wire).build();
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 5; i++) newestFirst.add(0, client.submit(authorised()).id());

    PaymentPage first = client.historyPage(2);
    PaymentPage second = client.historyPage(first.nextCursor());
    PaymentPage third = client.historyPage(second.nextCursor());
    assertThat(ids(first)).isEqualTo(newestFirst.subList(0, 2));
    assertThat(ids(second)).isEqualTo(newestFirst.subList(2, 4));
    assertThat(ids(third)).isEqualTo(newestFirst.subList(4, 5));
    assertThat(third.hasNext()).isFalse();

    wire.clear();
    Iterator<Payment> lazy = client.history(2).iterator();
    assertThat(wire.count("/api/history")).isZero();
    assertThat(lazy.next().id()).isEqualTo(newestFirst.get(0));
    assertThat(wire.count("/api/history")).isEqualTo(1);

    List<String> all = new ArrayList<>();
    client.history(2).forEach(p -> all.add(p.id()));
    assertThat(all).isEqualTo(newestFirst);
  }

  @Test void fetchesAPaymentByIdAndHidesItFromOtherMerchants() {
    PaygateClient owner = gateway.client(gateway.createMerchant()).build();
    PaygateClient other = gateway.client(gateway.createMerchant()).build();
    Payment submitted = owner.submit(payment(TestCards.DECLINED, "7.25", "EUR").build());

    Payment fetched = owner.payment(submitted.id());

    assertThat(fetched.id()).isEqualTo(submitted.id());
    assertThat(fetched.status()).isEqualTo(PaymentStatus.DECLINED);
    assertThat(fetched.amount()).isEqualTo(Money.of("7.25", "EUR"));
    assertThat(fetched.errorCode()).isEqualTo(submitted.errorCode());
    assertThat(owner.refetch(submitted).id()).isEqualTo(submitted.id());
    assertThatThrownBy(() -> other.payment(submitted.id()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
    assertThatThrownBy(() -> owner.payment(UUID.randomUUID().toString()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test void theSameIdempotencyKeyGivesTheSamePaymentAgain() {
    PaygateClient client = gateway.client(gateway.createMerchant()).build();
    String key = "order-" + UUID.randomUUID();
    var request = payment(TestCards.AUTHORISED, "19.99", "EUR").idempotencyKey(key).build();

    Payment first = client.submit(request);
    Payment again = client.submit(request);

    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.status()).isEqualTo(PaymentStatus.AUTHORISED);
    assertThat(client.historyPage(10).payments()).hasSize(1);
  }

  @Test void submitsAsynchronously() throws Exception {
    PaygateClient client = gateway.client(gateway.createMerchant()).build();

    Payment authorised = client.submitAsync(authorised()).get(20, TimeUnit.SECONDS);
    Payment fetched = client.paymentAsync(authorised.id()).get(20, TimeUnit.SECONDS);

    assertThat(authorised.status()).isEqualTo(PaymentStatus.AUTHORISED);
    assertThat(fetched.id()).isEqualTo(authorised.id());
  }

  @Test void theGatewayKnowsEachCallByTheRequestIdTheSdkSent() {
    RecordingListener wire = new RecordingListener();
    PaygateClient client = gateway.client(gateway.createMerchant()).listener(wire).build();

    Payment payment = client.submit(authorised());
    InvalidRequestException refused = catchThrowableOfType(
        InvalidRequestException.class,
        () -> client.submit(payment(TestCards.BAD_CHECK_DIGIT, "1", "EUR").build()));

    List<String> sent = wire.requests.stream()
        .filter(r -> r.url().endsWith("/api/process"))
        .map(r -> r.headers().get("X-Request-Id").get(0))
        .toList();
    assertThat(sent).hasSize(2).doesNotHaveDuplicates();
    assertThat(payment.requestId()).isEqualTo(sent.get(0));
    assertThat(refused.requestId()).isEqualTo(sent.get(1));
  }

  @Test void aWrongPasswordIsAnAuthenticationFailure() {
    PaygateClient client = new PaygateClient.Builder()
        .baseUrl(gateway.url())
        .login(gateway.createMerchant(), "not the password 1")
        .callTimeout(Duration.ofSeconds(20))
        .build();

    assertThatThrownBy(() -> client.submit(authorised()))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.httpStatus()).isEqualTo(401));
  }

  private static List<String> ids(PaymentPage page) {
    return page.payments().stream().map(Payment::id).toList();
  }
}
