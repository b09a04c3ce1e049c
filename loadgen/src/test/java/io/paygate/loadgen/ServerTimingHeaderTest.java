package io.paygate.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the bank's time out of the gateway's {@code Server-Timing} header. */
class ServerTimingHeaderTest {
  @Test
  void oneBankEntryIsItsDuration() {
    assertThat(ServerTimingHeader.bankNanos("bank;dur=12.345;desc=\"PiggyBank\""))
        .isEqualTo(12_345_000L);
  }

  @Test
  void theBankEntriesOfAFailoverAddUpAndOtherEntriesDoNotCount() {
    assertThat(ServerTimingHeader.bankNanos(
        "db;dur=1.5, bank;dur=3.100;desc=\"Piggy, Bank\", BANK ; dur = 40.25 ;desc=Other, total;dur=99"))
        .isEqualTo(43_350_000L);
  }

  @Test
  void noBankEntryMeansNoBankTime() {
    assertThat(ServerTimingHeader.bankNanos(null)).isEqualTo(Answer.NO_BANK_TIME);
    assertThat(ServerTimingHeader.bankNanos("db;dur=1.5")).isEqualTo(Answer.NO_BANK_TIME);
    assertThat(ServerTimingHeader.bankNanos("bank;desc=\"no duration\""))
        .isEqualTo(Answer.NO_BANK_TIME);
    assertThat(ServerTimingHeader.bankNanos("bank;dur=soon")).isEqualTo(Answer.NO_BANK_TIME);
  }
}
