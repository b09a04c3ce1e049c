package io.paygate.gateway.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.gateway.core.Money;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a merchant reads on the payment resource for each answer a bank can give: the status, the
 * reference to quote to the bank, the error code, and whether the payment counts as processed. The
 * rule under test: never more optimistic than the bank's answer.
 */
class OutcomeMapperTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant ANSWERED = CREATED.plusMillis(180);

  private final Payment pending = new Payment(UUID.randomUUID(), UUID.randomUUID(),
      PaymentStatus.Pending, "Ada Lovelace", "424242******4242", 12, 2030,
      Money.ofMinor(4250, EUR), CREATED, null, "PiggyBank", null, null, null, "key-1", "fp");

  @Test
  void anApprovalIsAuthorisedWithTheBanksReference() {
    Payment p = OutcomeMapper.apply(pending, AuthorisationResult.authorised("PB-991", "A1"),
        ANSWERED);

    assertThat(p.status()).isEqualTo(PaymentStatus.Authorised);
    assertThat(p.acquirerReference()).isEqualTo("PB-991");
    assertThat(p.errorCode()).isNull();
    assertThat(p.processedAt()).isEqualTo(ANSWERED);
    assertUnchangedRequest(p);
  }

  @Test
  void aBankThatGivesNoReferenceIsKnownByItsAuthorisationCode() {
    Payment p = OutcomeMapper.apply(pending, AuthorisationResult.authorised(null, "AUTH77"),
        ANSWERED);

    assertThat(p.status()).isEqualTo(PaymentStatus.Authorised);
    assertThat(p.acquirerReference()).isEqualTo("AUTH77");
  }

  @Test
  void aDeclineCarriesTheBanksReason() {
    Payment p = OutcomeMapper.apply(pending,
        AuthorisationResult.declined("insufficient_funds", "not enough money"), ANSWERED);

    assertThat(p.status()).isEqualTo(PaymentStatus.Declined);
    assertThat(p.errorCode()).isEqualTo("insufficient_funds");
    assertThat(p.acquirerReference()).isNull();
    assertThat(p.processedAt()).isEqualTo(ANSWERED);
  }

  @Test
  void aBankNeverReachedIsAFinalFailureInTheGatewaysOwnWords() {
    Payment p = OutcomeMapper.apply(pending,
        AuthorisationResult.notProcessed("connection refused"), ANSWERED);

    assertThat(p.status()).isEqualTo(PaymentStatus.Failed);
    assertThat(p.status().isFinal()).isTrue();
    assertThat(p.errorCode()).isEqualTo("acquirer_unavailable");
    assertThat(p.processedAt()).isEqualTo(ANSWERED);
  }

  @Test
  void noAnswerIsUnknownNeverFailedAndNotYetProcessed() {
    // The bank may have charged the card: the payment must stay open for reconciliation.
    Payment p = OutcomeMapper.apply(pending, AuthorisationResult.unknown("read timed out"),
        ANSWERED);

    assertThat(p.status()).isEqualTo(PaymentStatus.Unknown);
    assertThat(p.status().isFinal()).isFalse();
    assertThat(p.errorCode()).isEqualTo("outcome_unknown");
    assertThat(p.processedAt()).as("not processed until reconciled").isNull();
  }

  @Test
  void aLookUpThatFindsTheApprovalAuthorisesAnUnknownPayment() {
    Payment unknown = OutcomeMapper.apply(pending, AuthorisationResult.unknown("reset"), ANSWERED);
    Instant reconciled = ANSWERED.plusSeconds(60);

    Payment p = OutcomeMapper.apply(unknown,
        StatusResult.authorised("PB-1234", "A9", 4250L, EUR), reconciled);

    assertThat(p.status()).isEqualTo(PaymentStatus.Authorised);
    assertThat(p.acquirerReference()).isEqualTo("PB-1234");
    assertThat(p.errorCode()).as("the unknown's error code is gone").isNull();
    assertThat(p.processedAt()).isEqualTo(reconciled);
  }

  @Test
  void aLookUpThatFindsTheDeclineDeclines() {
    Payment p = OutcomeMapper.apply(pending, StatusResult.declined("do_not_honour", "no"),
        ANSWERED);

    assertThat(p.status()).isEqualTo(PaymentStatus.Declined);
    assertThat(p.errorCode()).isEqualTo("do_not_honour");
  }

  @Test
  void aBankThatNeverReceivedThePaymentMakesItAFailure() {
    Payment p = OutcomeMapper.apply(pending, StatusResult.notFound(), ANSWERED);

    assertThat(p.status()).isEqualTo(PaymentStatus.Failed);
    assertThat(p.errorCode()).isEqualTo("acquirer_unavailable");
    assertThat(p.processedAt()).isEqualTo(ANSWERED);
  }

  @Test
  void aLookUpWithoutAnAnswerChangesNothing() {
    assertThat(OutcomeMapper.apply(pending, StatusResult.unknown("timeout"), ANSWERED)).isNull();
  }

  @Test
  void theMapperTakesTheBanksWordOnAmountsTheReconcilerChecksTheEcho() {
    // A status answer that authorised another amount is still mapped as authorised here: the
    // amount check is the Reconciler's (it leaves such a payment Unknown with amount_mismatch
    // before it ever asks the mapper), so the mapper must not quietly change the amount either.
    Payment p = OutcomeMapper.apply(pending, StatusResult.authorised("PB-5", "A5", 9999L, EUR),
        ANSWERED);

    assertThat(p.amount()).isEqualTo(Money.ofMinor(4250, EUR));
  }

  /** The outcome never rewrites what the merchant asked for. */
  private void assertUnchangedRequest(Payment p) {
    assertThat(p.id()).isEqualTo(pending.id());
    assertThat(p.merchantId()).isEqualTo(pending.merchantId());
    assertThat(p.amount()).isEqualTo(pending.amount());
    assertThat(p.cardNumberMasked()).isEqualTo(pending.cardNumberMasked());
    assertThat(p.createdAt()).isEqualTo(CREATED);
    assertThat(p.idempotencyKey()).isEqualTo("key-1");
  }
}
