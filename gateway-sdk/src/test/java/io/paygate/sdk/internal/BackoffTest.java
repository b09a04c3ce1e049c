package io.paygate.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  @RepeatedTest(20) void delaysDoubleWithinEqualJitterUpToTheCap() {
    assertThat(backoff.delay(1, null)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(backoff.delay(2, null)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(backoff.delay(3, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(backoff.delay(10, null)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(backoff.delay(Integer.MAX_VALUE, null)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test void retryAfterIsAFloor() {
    assertThat(backoff.delay(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    assertThat(backoff.delay(1, Duration.ZERO)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
  }

  @Test void retryAfterIsSecondsOrAnHttpDate() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T22:00:00Z"), ZoneOffset.UTC);
    assertThat(Backoff.parseRetryAfter("7", clock)).isEqualTo(Duration.ofSeconds(7));
    assertThat(Backoff.parseRetryAfter("Wed, 25 Nov 2026 22:00:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
    assertThat(Backoff.parseRetryAfter("Wed, 25 Nov 2026 21:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
    assertThat(Backoff.parseRetryAfter("soon", clock)).isNull();
    assertThat(Backoff.parseRetryAfter("-1", clock)).isNull();
    assertThat(Backoff.parseRetryAfter(null, clock)).isNull();
  }
}
