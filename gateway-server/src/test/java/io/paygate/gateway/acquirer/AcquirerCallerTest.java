package io.paygate.gateway.acquirer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.Card;
import io.paygate.acquirer.spi.Operation;
import io.paygate.acquirer.spi.OperationRequest;
import io.paygate.acquirer.spi.OperationResult;
import io.paygate.acquirer.spi.RefundRequest;
import io.paygate.acquirer.spi.StatusRequest;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.gateway.config.AcquirerCallSettings;
import io.paygate.gateway.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the gateway reads a connector that misbehaves, as a merchant meets it on the payment: a bank
 * that might have charged the card is always "unknown" (to be reconciled), never "failed"; only a
 * call that certainly never left the gateway is "not processed". No HTTP, a scripted connector.
 */
class AcquirerCallerTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final String CARD_NUMBER = "4111111111111111";
  private static final Duration TIMEOUT = Duration.ofMillis(250);
  private static final int THRESHOLD = 2;
  private static final Duration PAUSE = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AcquirerCaller caller = new AcquirerCaller(
      new AcquirerCallSettings(TIMEOUT, 1, THRESHOLD, PAUSE), clock);
  private final Bank bank = new Bank();
  private final LoadedAcquirer acquirer =
      new LoadedAcquirer("TestBank", "1.0", "1.1", "test", null, false, bank);

  @AfterEach
  void releaseTheBank() {
    bank.release.countDown();
    caller.close();
  }

  @Test
  void aBankThatDoesNotAnswerInTimeLeavesTheOutcomeUnknownAndFreesItsThread() {
    bank.answer(r -> bank.hang());

    long start = System.nanoTime();
    TimedAuthorisation t = caller.authorise(acquirer, request("p-1"));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(t.result().outcome()).isEqualTo(AuthorisationResult.Outcome.UNKNOWN);
    assertThat(t.result().message()).contains("no answer within 250 ms");
    assertThat(t.reachedBank()).as("the request was handed to the connector").isTrue();
    assertThat(waited).as("it waited for the bank until the deadline").isGreaterThanOrEqualTo(TIMEOUT);
    await().atMost(Duration.ofSeconds(5)).untilTrue(bank.interrupted);
  }

  @Test
  void aConnectorThatThrowsLeavesTheOutcomeUnknownWithoutRepeatingItsMessage() {
    // A connector's exception message may quote the request, card number included.
    bank.answer(r -> {
      throw new IllegalStateException("cannot parse answer for card " + r.card().number());
    });

    AuthorisationResult r = caller.authorise(acquirer, request("p-2")).result();

    assertThat(r.outcome()).isEqualTo(AuthorisationResult.Outcome.UNKNOWN);
    assertThat(r.message()).contains("IllegalStateException").doesNotContain(CARD_NUMBER);
  }

  @Test
  void aConnectorThatReturnsNothingLeavesTheOutcomeUnknown() {
    bank.answer(r -> null);

    AuthorisationResult r = caller.authorise(acquirer, request("p-3")).result();

    assertThat(r.outcome()).isEqualTo(AuthorisationResult.Outcome.UNKNOWN);
  }

  @Test
  void aPaymentBeyondTheCallsInFlightIsNotSentAtAll() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    bank.answer(r -> {
      first.countDown();
      return bank.hang();
    });
    CompletableFuture<TimedAuthorisation> hanging =
        CompletableFuture.supplyAsync(() -> caller.authorise(acquirer, longRequest("p-4")));
    assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();

    TimedAuthorisation second = caller.authorise(acquirer, request("p-5"));

    assertThat(second.result().outcome()).isEqualTo(AuthorisationResult.Outcome.NOT_PROCESSED);
    assertThat(second.reachedBank()).isFalse();
    assertThat(bank.authorisations.get()).isEqualTo(1);
    bank.release.countDown();
    hanging.get(5, TimeUnit.SECONDS);
  }

  @Test
  void paymentsOneAfterTheOtherAreNeverRefusedAsTooManyInFlight() {
    // One call in flight at most, and never more than one made at a time: each must reach the
    // bank. A bounded thread pool refused some while its worker was still on its way back.
    bank.answer(r -> AuthorisationResult.declined("do_not_honour", "no"));

    for (int i = 0; i < 200; i++) {
      AuthorisationResult r = caller.authorise(acquirer, request("seq-" + i)).result();
      assertThat(r.outcome()).as("payment %d: %s", i, r.message())
          .isEqualTo(AuthorisationResult.Outcome.DECLINED);
    }
    assertThat(bank.authorisations.get()).isEqualTo(200);
  }

  @Test
  void anOpenBreakerSendsNothingAndSaysWhy() {
    bank.answer(r -> AuthorisationResult.notProcessed("503 from the bank"));
    for (int i = 0; i < THRESHOLD; i++) {
      caller.authorise(acquirer, request("fail-" + i));
    }
    assertThat(caller.breakerState("TestBank")).isEqualTo(CircuitBreaker.State.OPEN);

    TimedAuthorisation refused = caller.authorise(acquirer, request("p-6"));

    assertThat(refused.result().outcome()).isEqualTo(AuthorisationResult.Outcome.NOT_PROCESSED);
    assertThat(refused.result().message()).contains("circuit breaker of TestBank is open")
        .contains("nothing was sent");
    assertThat(refused.reachedBank()).isFalse();
    assertThat(bank.authorisations.get()).isEqualTo(THRESHOLD);
  }

  @Test
  void timeoutsAndThrowsOpenTheBreakerButDeclinesDoNot() {
    bank.answer(r -> AuthorisationResult.declined("do_not_honour", "no"));
    for (int i = 0; i < THRESHOLD * 3; i++) {
      caller.authorise(acquirer, request("declined-" + i));
    }
    assertThat(caller.breakerState("TestBank")).isEqualTo(CircuitBreaker.State.CLOSED);

    bank.answer(r -> {
      throw new IllegalStateException("boom");
    });
    caller.authorise(acquirer, request("throws"));
    bank.answer(r -> bank.hang());
    caller.authorise(acquirer, request("hangs"));

    assertThat(caller.breakerState("TestBank")).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void afterThePauseOneProbeReachesTheBankAndItsApprovalReopensTheWay() {
    bank.answer(r -> AuthorisationResult.notProcessed("503"));
    for (int i = 0; i < THRESHOLD; i++) {
      caller.authorise(acquirer, request("fail-" + i));
    }
    clock.advance(PAUSE);
    bank.answer(r -> AuthorisationResult.authorised("PB-" + r.paymentReference(), "A1"));

    TimedAuthorisation probe = caller.authorise(acquirer, request("probe"));
    TimedAuthorisation next = caller.authorise(acquirer, request("next"));

    assertThat(probe.result().outcome()).isEqualTo(AuthorisationResult.Outcome.AUTHORISED);
    assertThat(probe.reachedBank()).isTrue();
    assertThat(next.result().outcome()).isEqualTo(AuthorisationResult.Outcome.AUTHORISED);
    assertThat(caller.breakerState("TestBank")).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aStatusLookUpThatFailsProvesNothing() {
    bank.status(r -> {
      throw new IllegalStateException("boom");
    });
    assertThat(caller.status(acquirer, statusRequest()).outcome())
        .isEqualTo(StatusResult.Outcome.UNKNOWN);

    bank.status(r -> null);
    assertThat(caller.status(acquirer, statusRequest()).outcome())
        .isEqualTo(StatusResult.Outcome.UNKNOWN);

    bank.status(r -> bank.hang());
    assertThat(caller.status(acquirer, statusRequest()).outcome())
        .isEqualTo(StatusResult.Outcome.UNKNOWN);
  }

  @Test
  void aRefundWithoutAnAnswerIsUnknownAndDoesNotMoveThePaymentsBreaker() {
    bank.refund(r -> {
      throw new IllegalStateException("boom");
    });
    for (int i = 0; i < THRESHOLD + 1; i++) {
      assertThat(caller.operate(acquirer, refund("r-" + i)).outcome())
          .isEqualTo(OperationResult.Outcome.UNKNOWN);
    }
    bank.refund(r -> bank.hang());
    assertThat(caller.operate(acquirer, refund("r-hang")).outcome())
        .isEqualTo(OperationResult.Outcome.UNKNOWN);

    assertThat(caller.breakerState("TestBank")).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aRefundBeyondTheCallsInFlightIsNotSentButALookUpIsOnlyUnknown() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    bank.answer(r -> {
      first.countDown();
      return bank.hang();
    });
    CompletableFuture<TimedAuthorisation> hanging =
        CompletableFuture.supplyAsync(() -> caller.authorise(acquirer, longRequest("p-7")));
    assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(caller.operate(acquirer, refund("r-busy")).outcome())
        .as("never sent: safe to fail").isEqualTo(OperationResult.Outcome.NOT_PROCESSED);
    assertThat(caller.operationStatus(acquirer, refund("r-busy")).outcome())
        .as("a look-up not made proves nothing").isEqualTo(OperationResult.Outcome.UNKNOWN);
    assertThat(bank.refunds.get()).isZero();
    bank.release.countDown();
    hanging.get(5, TimeUnit.SECONDS);
  }

  private AuthorisationRequest request(String reference) {
    return request(reference, caller.deadline());
  }

  /** A payment that keeps its call in flight until the test releases the bank. */
  private AuthorisationRequest longRequest(String reference) {
    return request(reference, clock.instant().plus(Duration.ofMinutes(1)));
  }

  private AuthorisationRequest request(String reference, Instant deadline) {
    return AuthorisationRequest.builder()
        .paymentReference(reference)
        .merchantId("m-1")
        .card(new Card(CARD_NUMBER, "123", 12, 2030, "Ada Lovelace"))
        .amount(4250, EUR)
        .deadline(deadline)
        .build();
  }

  private StatusRequest statusRequest() {
    return new StatusRequest("p-1", "m-1", 4250, EUR, caller.deadline());
  }

  private RefundRequest refund(String reference) {
    return RefundRequest.builder()
        .operationReference(reference)
        .paymentReference("p-1")
        .merchantId("m-1")
        .amount(1000, EUR)
        .deadline(caller.deadline())
        .build();
  }

  /** A connector whose answers each test scripts; it counts what reached it. */
  private static final class Bank implements Acquirer {
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicBoolean interrupted = new AtomicBoolean();
    final AtomicInteger authorisations = new AtomicInteger();
    final AtomicInteger refunds = new AtomicInteger();
    private volatile Function<AuthorisationRequest, AuthorisationResult> answer;
    private volatile Function<StatusRequest, StatusResult> status;
    private volatile Function<OperationRequest, OperationResult> refund;

    void answer(Function<AuthorisationRequest, AuthorisationResult> next) {
      answer = next;
    }

    void status(Function<StatusRequest, StatusResult> next) {
      status = next;
    }

    void refund(Function<OperationRequest, OperationResult> next) {
      refund = next;
    }

    /** Blocks like a bank that never answers, until interrupted or the test ends. */
    <T> T hang() {
      try {
        release.await();
      } catch (InterruptedException e) {
        interrupted.set(true);
        Thread.currentThread().interrupt();
      }
      return null;
    }

    @Override
    public AuthorisationResult authorise(AuthorisationRequest request) {
      authorisations.incrementAndGet();
      return answer.apply(request);
    }

    @Override
    public StatusResult status(StatusRequest request) {
      return status.apply(request);
    }

    @Override
    public Set<Operation> supportedOperations() {
      return EnumSet.of(Operation.AUTHORISE, Operation.REFUND);
    }

    @Override
    public OperationResult refund(RefundRequest request) {
      refunds.incrementAndGet();
      return refund.apply(request);
    }

    @Override
    public OperationResult operationStatus(OperationRequest request) {
      return OperationResult.unknown("not scripted");
    }

    @Override
    public void close() {}
  }
}
