package io.paygate.gateway.acquirer;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.acquirer.CircuitBreaker.State;
import io.paygate.gateway.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees on {@code /ready} and what a merchant's payments meet when a bank keeps
 * failing: after a run of failures no payment is sent to it, after a pause one probe is, and the
 * bank is back as soon as it answers.
 */
class CircuitBreakerTest {
  private static final int THRESHOLD = 3;
  private static final Duration PAUSE = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final CircuitBreaker breaker = new CircuitBreaker(THRESHOLD, PAUSE, clock);

  @Test
  void aBankThatKeepsFailingStopsGettingPaymentsAtTheThreshold() {
    for (int i = 1; i < THRESHOLD; i++) {
      assertThat(breaker.tryAcquire()).as("call %d goes to the bank", i).isTrue();
      breaker.onFailure();
      assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.onFailure();

    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.failures()).isEqualTo(THRESHOLD);
    assertThat(breaker.tryAcquire()).as("nothing is sent while open").isFalse();
    assertThat(breaker.nextProbeAt()).isEqualTo(clock.instant().plus(PAUSE));
  }

  @Test
  void anAnswerBetweenFailuresKeepsTheBankInUse() {
    // A decline or an approval proves the bank works: failures must come in a row to count.
    for (int round = 0; round < 5; round++) {
      for (int i = 1; i < THRESHOLD; i++) {
        breaker.tryAcquire();
        breaker.onFailure();
      }
      breaker.tryAcquire();
      breaker.onSuccess();
    }

    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.failures()).isZero();
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.nextProbeAt()).isNull();
  }

  @Test
  void anOpenBreakerRefusesUntilThePauseHasPassed() {
    open();

    clock.advance(PAUSE.minusMillis(1));
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.state()).isEqualTo(State.OPEN);

    clock.advance(Duration.ofMillis(1));
    assertThat(breaker.tryAcquire()).as("the probe, exactly at the announced time").isTrue();
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
  }

  @Test
  void onlyOneProbeGoesToTheBankWhileItIsHalfOpen() {
    open();
    clock.advance(PAUSE);

    assertThat(breaker.tryAcquire()).isTrue();
    for (int i = 0; i < 10; i++) {
      assertThat(breaker.tryAcquire()).as("payment %d behind the probe", i).isFalse();
    }
    assertThat(breaker.nextProbeAt()).as("not open, so no probe is scheduled").isNull();
  }

  @Test
  void aProbeTheBankAnswersClosesTheBreakerAndForgetsPastFailures() {
    open();
    clock.advance(PAUSE);
    breaker.tryAcquire();

    breaker.onSuccess();

    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.failures()).isZero();
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isTrue();
    // It takes a full run of failures again to open it.
    for (int i = 1; i < THRESHOLD; i++) {
      breaker.onFailure();
    }
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void aFailedProbeOpensTheBreakerForAnotherFullPause() {
    open();
    clock.advance(PAUSE.plusSeconds(5));
    breaker.tryAcquire();
    Instant probeFailedAt = clock.instant();

    breaker.onFailure();

    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.nextProbeAt()).isEqualTo(probeFailedAt.plus(PAUSE));
    clock.advance(PAUSE.minusMillis(1));
    assertThat(breaker.tryAcquire()).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(breaker.tryAcquire()).isTrue();
  }

  private void open() {
    for (int i = 0; i < THRESHOLD; i++) {
      breaker.tryAcquire();
      breaker.onFailure();
    }
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }
}
