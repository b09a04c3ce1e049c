package io.paygate.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.webhooks.DeliveryGovernor.Pace;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The governor's decisions, on a fake clock and a payments-in-flight count the test sets. */
class DeliveryGovernorTest {
  static final Pace FULL = new Pace(TimeUnit.MILLISECONDS.toNanos(20), Integer.MAX_VALUE);

  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicLong now = new AtomicLong(1_000_000_000L);

  DeliveryGovernor governor(int busyAt, int busyRate) {
    return new DeliveryGovernor(inFlight::get, now::get, busyAt, busyRate, FULL);
  }

  /** Samples every 20 ms (as the dispatcher does at full speed) for {@code millis}. */
  Pace runFor(DeliveryGovernor g, long millis) {
    Pace last = g.pace();
    for (long t = 0; t < millis; t += 20) {
      now.addAndGet(TimeUnit.MILLISECONDS.toNanos(20));
      last = g.pace();
    }
    return last;
  }

  @Test
  void quietPaymentsLeaveDeliveriesAtFullSpeed() {
    DeliveryGovernor g = governor(8, 100);
    inFlight.set(3);
    assertThat(runFor(g, 5_000)).isEqualTo(FULL);
    assertThat(g.busy()).isFalse();
  }

  @Test
  void sustainedLoadThrottlesToTheBusyRateAndReleasesWhenItFalls() {
    DeliveryGovernor g = governor(8, 100);
    inFlight.set(30);
    Pace busy = runFor(g, 2_000);
    assertThat(g.busy()).isTrue();
    // 100 deliveries a second: 10 per claim, claims 100 ms apart.
    assertThat(busy).isEqualTo(new Pace(TimeUnit.MILLISECONDS.toNanos(100), 10));

    inFlight.set(0);
    assertThat(runFor(g, 5_000)).isEqualTo(FULL);
    assertThat(g.busy()).isFalse();
  }

  @Test
  void oneBurstDoesNotThrottle() {
    DeliveryGovernor g = governor(8, 100);
    runFor(g, 1_000);
    inFlight.set(32);
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(20));
    assertThat(g.pace()).isEqualTo(FULL);
    inFlight.set(1);
    assertThat(runFor(g, 1_000)).isEqualTo(FULL);
  }

  @Test
  void itStaysBusyUntilTheLoadFallsWellBelowTheThreshold() {
    DeliveryGovernor g = governor(8, 100);
    inFlight.set(12);
    runFor(g, 3_000);
    assertThat(g.busy()).isTrue();
    // Just under the threshold: still busy (no flapping around it).
    inFlight.set(6);
    runFor(g, 5_000);
    assertThat(g.busy()).isTrue();
    inFlight.set(3);
    runFor(g, 5_000);
    assertThat(g.busy()).isFalse();
  }

  @Test
  void aLowRateSpacesSingleClaims() {
    DeliveryGovernor g = governor(1, 2);
    inFlight.set(5);
    assertThat(runFor(g, 3_000)).isEqualTo(new Pace(TimeUnit.MILLISECONDS.toNanos(500), 1));
  }

  @Test
  void zeroTurnsItOff() {
    DeliveryGovernor g = governor(0, 100);
    inFlight.set(1_000);
    assertThat(runFor(g, 3_000)).isEqualTo(FULL);
    assertThat(g.busy()).isFalse();
  }

  @Test
  void irregularSamplesAreWeightedByTime() {
    DeliveryGovernor g = governor(8, 100);
    inFlight.set(0);
    g.pace();
    // Busy for 3 s but looked at only once, at the end (the dispatcher slept): the average
    // follows the time, not the number of looks.
    inFlight.set(30);
    now.addAndGet(TimeUnit.SECONDS.toNanos(3));
    g.pace();
    assertThat(g.busy()).isTrue();
  }
}
