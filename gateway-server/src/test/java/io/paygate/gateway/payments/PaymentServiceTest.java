package io.paygate.gateway.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.ScriptedAcquirer;
import io.paygate.gateway.validation.PaymentRequestValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment service's decisions, without HTTP: what each bank answer becomes, what is stored
 * before the bank is asked, and how an {@code Idempotency-Key} replays or refuses.
 */
class PaymentServiceTest {
  @TempDir Path dir;
  MoneyPath path;
  PaymentRequestValidator validator;

  @BeforeEach
  void setUp() {
    path = new MoneyPath(dir);
    validator = new PaymentRequestValidator(path.clock);
  }

  @AfterEach
  void tearDown() {
    path.close();
  }

  private PaymentRequest request(String amount) {
    Map<String, Object> body = new HashMap<>();
    body.put("cardnumber", Cards.AUTHORISED);
    body.put("cvv", "123");
    body.put("expirymonth", 12);
    body.put("expiryyear", path.clock.instant().atZone(java.time.ZoneOffset.UTC).getYear() + 2);
    body.put("amount", amount);
    body.put("currency", "EUR");
    body.put("cardholdername", "Santa Claus");
    return PaymentRequest.authorise(validator.validate(body));
  }

  private ProcessedPayment pay(String key) {
    return path.service.process(path.merchant, request("42.50"), key);
  }

  @Test
  void anApprovedPaymentIsAuthorisedWithTheBanksReference() {
    ProcessedPayment result = pay(null);

    Payment p = result.payment();
    assertThat(result.replayed()).isFalse();
    assertThat(p.status()).isEqualTo(PaymentStatus.Authorised);
    assertThat(p.acquirerReference()).isEqualTo("scripted-" + p.id());
    assertThat(p.errorCode()).isNull();
    assertThat(p.processedAt()).isNotNull();
    assertThat(p.cardNumberMasked()).isEqualTo("411111******1111");
    assertThat(p.amount().minor()).isEqualTo(4250);
    assertThat(path.reread(p)).isEqualTo(p);
  }

  @Test
  void aDeclineKeepsTheBanksReason() {
    ScriptedAcquirer.script(r -> AuthorisationResult.declined("insufficient_funds", "no money"));

    Payment p = pay(null).payment();

    assertThat(p.status()).isEqualTo(PaymentStatus.Declined);
    assertThat(p.errorCode()).isEqualTo("insufficient_funds");
    assertThat(path.reread(p).status()).isEqualTo(PaymentStatus.Declined);
  }

  @Test
  void aBankThatCertainlyDidNotProcessItFailsThePayment() {
    ScriptedAcquirer.script(r -> AuthorisationResult.notProcessed("503 from the bank"));

    Payment p = pay(null).payment();

    assertThat(p.status()).isEqualTo(PaymentStatus.Failed);
    assertThat(p.errorCode()).isEqualTo(OutcomeMapper.ACQUIRER_UNAVAILABLE);
    assertThat(p.processedAt()).isNotNull();
  }

  @Test
  void noAnswerLeavesThePaymentUnknownNeverFailed() {
    ScriptedAcquirer.script(ScriptedAcquirer::approveButLoseTheAnswer);

    Payment p = pay(null).payment();

    assertThat(p.status()).isEqualTo(PaymentStatus.Unknown);
    assertThat(p.errorCode()).isEqualTo(OutcomeMapper.OUTCOME_UNKNOWN);
    assertThat(p.processedAt()).as("not final").isNull();
    assertThat(path.reread(p).status()).isEqualTo(PaymentStatus.Unknown);
  }

  @Test
  void aConnectorThatThrowsCountsAsUnknown() {
    ScriptedAcquirer.script(r -> {
      throw new IllegalStateException("connector bug");
    });

    assertThat(pay(null).payment().status()).isEqualTo(PaymentStatus.Unknown);
  }

  @Test
  void theSameKeyAndBodyReplaysTheFirstOutcomeWithoutAskingTheBankAgain() {
    ProcessedPayment first = pay("order-1");
    ProcessedPayment again = pay("order-1");

    assertThat(again.replayed()).isTrue();
    assertThat(again.payment()).isEqualTo(first.payment());
    assertThat(ScriptedAcquirer.authoriseCalls()).containsExactly(first.payment().id().toString());
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedAndNothingIsCharged() {
    pay("order-2");

    assertThatThrownBy(() -> path.service.process(path.merchant, request("42.51"), "order-2"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
    assertThat(ScriptedAcquirer.authoriseCalls()).hasSize(1);
  }

  @Test
  void aReplayOfAnUnknownPaymentLearnsTheOutcomeFromTheBankOnceNoCallCanBeInFlight() {
    ScriptedAcquirer.script(ScriptedAcquirer::approveButLoseTheAnswer);
    Payment unknown = pay("order-3").payment();

    // Too young: the first call might still reach the bank; the replay says what is known.
    ProcessedPayment early = pay("order-3");
    assertThat(early.payment().status()).isEqualTo(PaymentStatus.Unknown);

    path.clock.advance(MoneyPath.STALE_AFTER.plus(Duration.ofSeconds(1)));
    ProcessedPayment late = pay("order-3");

    assertThat(late.replayed()).isTrue();
    assertThat(late.payment().id()).isEqualTo(unknown.id());
    assertThat(late.payment().status()).isEqualTo(PaymentStatus.Authorised);
    assertThat(path.reread(unknown).status()).isEqualTo(PaymentStatus.Authorised);
    assertThat(ScriptedAcquirer.authoriseCalls()).hasSize(1);
  }

  @Test
  void captureIsRefusedBeforeAnyBankWhenThisGatewayDoesNotCapture() {
    PaymentRequest capture = PaymentRequest.authoriseAndCapture(request("42.50").payment());

    assertThatThrownBy(() -> path.service.process(path.merchant, capture, null))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.errors()).hasSize(1);
          assertThat(e.errors().get(0).field()).isEqualTo("capture");
          assertThat(e.errors().get(0).message()).isEqualTo("this gateway does not capture");
        });
    assertThat(ScriptedAcquirer.authoriseCalls()).isEmpty();
  }
}
