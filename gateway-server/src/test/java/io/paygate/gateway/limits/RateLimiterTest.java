package io.paygate.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  final MutableClock clock = MutableClock.ofNow();

  @Test
  void aKeySpendsItsBurstThenWaitsForTheRefill() {
    RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), clock);

    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    // One permit comes back every 20 s.
    assertThat(limiter.acquire("a")).isEqualTo(20);
    clock.advance(Duration.ofSeconds(15));
    assertThat(limiter.acquire("a")).isEqualTo(5);
    clock.advance(Duration.ofSeconds(5));
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("b")).as("keys do not share").isZero();
  }

  @Test
  void aLongPauseRefillsNoMoreThanTheBurst() {
    RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(1), clock);
    limiter.acquire("a");
    limiter.acquire("a");
    clock.advance(Duration.ofDays(365));

    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
  }

  @Test
  void zeroPermitsAdmitsEverything() {
    RateLimiter limiter = new RateLimiter(0, Duration.ofSeconds(1), clock);

    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
    assertThat(limiter.isOff()).isTrue();
  }
}
