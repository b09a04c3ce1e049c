package io.paygate.gateway.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.acquirer.spi.StatusResult;
import io.paygate.gateway.core.ManualSettlement;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.db.PaymentRepository;
import io.paygate.gateway.db.PaymentSettlements;
import io.paygate.gateway.support.ScriptedAcquirer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import io.paygate.acquirer.spi.StatusRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation's decisions, without HTTP or a schedule: what each answer of a status look-up
 * does to a payment whose outcome is not final, and which payments it leaves alone.
 */
class ReconcilerTest {
  private static final Duration OLD = MoneyPath.STALE_AFTER.plusSeconds(10);

  @TempDir Path dir;
  MoneyPath path;
  /** The payment references the bank was asked about, in order. */
  final List<String> lookUps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    path = new MoneyPath(dir);
  }

  @AfterEach
  void tearDown() {
    path.close();
  }

  private void bankSays(Function<StatusRequest, StatusResult> answer) {
    ScriptedAcquirer.scriptStatus(r -> {
      lookUps.add(r.paymentReference());
      return answer.apply(r);
    });
  }

  private static StatusResult authorised(StatusRequest r) {
    return StatusResult.authorised("bank-ref-1", "A1", r.amountMinor(), r.currency());
  }

  @Test
  void anUnknownPaymentTheBankAuthorisedIsSettledAuthorised() {
    Payment unknown = path.stored(PaymentStatus.Unknown, OLD);
    bankSays(ReconcilerTest::authorised);

    assertThat(path.reconciler.runOnce()).isEqualTo(1);

    Payment now = path.reread(unknown);
    assertThat(now.status()).isEqualTo(PaymentStatus.Authorised);
    assertThat(now.acquirerReference()).isEqualTo("bank-ref-1");
    assertThat(now.errorCode()).isNull();
    assertThat(now.processedAt()).isNotNull();
  }

  @Test
  void aDeclineFoundByTheLookUpIsRecordedWithItsReason() {
    Payment unknown = path.stored(PaymentStatus.Unknown, OLD);
    bankSays(r -> StatusResult.declined("do_not_honour", "refused"));

    path.reconciler.runOnce();

    Payment now = path.reread(unknown);
    assertThat(now.status()).isEqualTo(PaymentStatus.Declined);
    assertThat(now.errorCode()).isEqualTo("do_not_honour");
  }

  @Test
  void aPaymentTheBankNeverSawFailsWhenTheAcquirerCannotCancel() {
    Payment unknown = path.stored(PaymentStatus.Unknown, OLD);
    bankSays(r -> StatusResult.notFound());

    path.reconciler.runOnce();

    Payment now = path.reread(unknown);
    assertThat(now.status()).isEqualTo(PaymentStatus.Failed);
    assertThat(now.errorCode()).isEqualTo(OutcomeMapper.ACQUIRER_UNAVAILABLE);
  }

  @Test
  void aBankThatCannotTellYetLeavesThePaymentUnknownAndLooksAgainOnlyAfterTheBackoff() {
    Payment unknown = path.stored(PaymentStatus.Unknown, OLD);
    bankSays(r -> StatusResult.unknown("bank busy"));

    assertThat(path.reconciler.runOnce()).isZero();
    assertThat(path.reread(unknown).status()).isEqualTo(PaymentStatus.Unknown);
    assertThat(lookUps).hasSize(1);

    // Postponed by the first backoff step (the interval, 1 s): not looked up again before it.
    path.reconciler.runOnce();
    assertThat(lookUps).hasSize(1);
    path.clock.advance(Duration.ofSeconds(2));
    path.reconciler.runOnce();
    assertThat(lookUps).hasSize(2);
  }

  @Test
  void aPendingPaymentAbandonedByACrashBecomesUnknownWhenTheBankCannotTell() {
    Payment pending = path.stored(PaymentStatus.Pending, OLD);
    bankSays(r -> StatusResult.unknown("bank busy"));

    path.reconciler.runOnce();

    assertThat(path.reread(pending).status()).isEqualTo(PaymentStatus.Unknown);
  }

  @Test
  void aPaymentYoungerThanTheAcquirerTimeoutPlusMarginIsNotLookedUp() {
    Payment young = path.stored(PaymentStatus.Pending, MoneyPath.STALE_AFTER.minusSeconds(2));
    bankSays(ReconcilerTest::authorised);

    path.reconciler.runOnce();

    assertThat(lookUps).isEmpty();
    assertThat(path.reread(young).status()).isEqualTo(PaymentStatus.Pending);
    assertThat(path.reconciler.isDue(young)).isFalse();
  }

  @Test
  void anAuthorisationForAnotherAmountIsFlaggedForTheOperatorAndThenLeftAlone() {
    Payment unknown = path.stored(PaymentStatus.Unknown, OLD);
    bankSays(r -> StatusResult.authorised("bank-ref-2", "A2", r.amountMinor() + 1, r.currency()));

    path.reconciler.runOnce();

    Payment flagged = path.reread(unknown);
    assertThat(flagged.status()).isEqualTo(PaymentStatus.Unknown);
    assertThat(flagged.errorCode()).isEqualTo(PaymentRepository.AMOUNT_MISMATCH);
    assertThat(path.reconciler.isDue(flagged)).isFalse();

    path.clock.advance(Duration.ofHours(1));
    path.reconciler.runOnce();
    assertThat(lookUps).hasSize(1);
  }

  @Test
  void anEchoInAnotherCurrencyIsAMismatchToo() {
    Payment unknown = path.stored(PaymentStatus.Unknown, OLD);
    bankSays(r -> StatusResult.authorised("bank-ref-3", "A3", r.amountMinor(),
        Currency.getInstance("USD")));

    path.reconciler.runOnce();

    assertThat(path.reread(unknown).errorCode()).isEqualTo(PaymentRepository.AMOUNT_MISMATCH);
  }

  @Test
  void aPaymentSettledByHandIsNeitherLookedUpNorOverwritten() {
    Payment unknown = path.stored(PaymentStatus.Unknown, OLD);
    PaymentSettlements settlements = new PaymentSettlements(path.db.dataSource());
    assertThat(settlements.settle(unknown.id(), PaymentStatus.Declined, path.clock.instant(),
        new ManualSettlement("operator", "the bank's report says refused"))).isTrue();
    bankSays(ReconcilerTest::authorised);

    path.reconciler.runOnce();

    assertThat(lookUps).isEmpty();
    // Even a look-up that started before the operator settled it does not overwrite it.
    Payment answer = path.reconciler.resolve(unknown);
    assertThat(answer.status()).isEqualTo(PaymentStatus.Declined);
    assertThat(path.reread(unknown).status()).isEqualTo(PaymentStatus.Declined);
    assertThat(path.reread(unknown).errorCode()).isEqualTo(PaymentSettlements.SETTLED_BY_HAND);
  }

  @Test
  void aPaymentInFlightHereIsLeftToTheCallInFlight() {
    Payment pending = path.stored(PaymentStatus.Pending, OLD);
    bankSays(ReconcilerTest::authorised);
    assertThat(path.inFlight.enter(pending.id())).isTrue();
    try {
      path.reconciler.runOnce();
      assertThat(lookUps).isEmpty();
      assertThat(path.reconciler.isDue(pending)).isFalse();
    } finally {
      path.inFlight.exit(pending.id());
    }
  }

  @Test
  void theBackoffDoublesFromTheIntervalUpToTheMaximum() {
    assertThat(path.reconciler.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(path.reconciler.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(path.reconciler.backoff(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(path.reconciler.backoff(7)).isEqualTo(Duration.ofMinutes(1));
    assertThat(path.reconciler.backoff(1000)).isEqualTo(Duration.ofMinutes(1));
  }
}
