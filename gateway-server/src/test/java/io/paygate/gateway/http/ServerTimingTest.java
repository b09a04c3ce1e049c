package io.paygate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.payments.BankTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The header is written by integer arithmetic now; it must read exactly as {@code %.3f} did. */
class ServerTimingTest {
  @Test
  void bankTimesAreMillisecondsWithThreeDecimalsInAttemptOrder() {
    String header = ServerTiming.of(List.of(new BankTime("Kestrel", 1_234_567),
        new BankTime("Piggy \"Bank\"", 20_000_000_000L)));

    assertThat(header).isEqualTo(
        "bank;dur=1.235;desc=\"Kestrel\", bank;dur=20000.000;desc=\"Piggy \\\"Bank\\\"\"");
  }

  @Test
  void noBankNoHeader() {
    assertThat(ServerTiming.of(List.of())).isNull();
  }

  @Test
  void millisecondsReadAsStringFormatWroteThem() {
    long[] edges = {0, 1, 499, 500, 999, 1_000, 9_999, 10_000, 99_500, 100_000, 999_499,
        999_500, 1_000_000, 12_345_678, 3_600_000_000_000L};
    for (long nanos : edges) {
      assertThat(millis(nanos)).as("%d ns", nanos).isEqualTo(formatted(nanos));
    }
    SplittableRandom random = new SplittableRandom(15);
    for (int i = 0; i < 10_000; i++) {
      long nanos = random.nextLong(60_000_000_000L);
      if (nanos % 1_000 == 500) {
        continue; // exactly half a microsecond: the double's binary rounding decides %.3f
      }
      assertThat(millis(nanos)).as("%d ns", nanos).isEqualTo(formatted(nanos));
    }
  }

  private static String millis(long nanos) {
    StringBuilder b = new StringBuilder();
    ServerTiming.appendMillis(b, nanos);
    return b.toString();
  }

  private static String formatted(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }
}
