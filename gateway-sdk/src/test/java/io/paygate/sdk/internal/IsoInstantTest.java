package io.paygate.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {
  @Test void agreesWithInstantParseOnTheGatewaysFormAtEveryPrecision() {
    SplittableRandom random = new SplittableRandom(42);
    long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2200-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
      // Instant.toString writes 0, 3, 6 or 9 decimals; cut to any count in between as well.
      String text = instant.toString();
      int decimals = random.nextInt(10);
      String cut = text.substring(0, 19) + (decimals == 0 ? "" : "." + (instant.getNano() + 1_000_000_000 + "")
          .substring(1, 1 + decimals)) + "Z";
      assertThat(IsoInstant.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
      assertThat(IsoInstant.parseUtc(cut)).as(cut).isEqualTo(Instant.parse(cut));
    }
  }

  @Test void readsTheEdgesOfTheCalendar() {
    for (String text : new String[] {"2024-02-29T23:59:59.999999999Z", "2000-02-29T00:00:00Z",
        "1969-12-31T23:59:59.9Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"}) {
      assertThat(IsoInstant.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
    }
    assertThat(IsoInstant.parseUtc("2026-11-25T22:11:30.123Z"))
        .isEqualTo(Instant.parse("2026-11-25T22:11:30Z").plus(123, ChronoUnit.MILLIS));
  }

  /** Every other form is left to Instant.parse, which accepts some and rejects others. */
  @ParameterizedTest
  @ValueSource(strings = {"2026-11-25T23:11:30+01:00", "2026-11-25t22:11:30z", "2016-12-31T23:59:60Z",
      "2026-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-25T24:00:00Z",
      "2026-11-25T22:60:00Z", "2026-11-25T22:11:30.Z", "2026-11-25T22:11:30.1234567890Z",
      "2026-11-25 22:11:30Z", "2026-11-25T22:11:30", "+12026-11-25T22:11:30Z", "2026-1a-25T22:11:30Z",
      "2026-11-25T22:11:30,5Z", "", "Z"})
  void leavesEveryOtherFormToInstantParse(String text) {
    assertThat(IsoInstant.parseUtc(text)).isNull();
  }
}
