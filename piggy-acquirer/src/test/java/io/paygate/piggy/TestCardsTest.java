package io.paygate.piggy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestCardsTest {

  @ParameterizedTest
  @ValueSource(strings = {
    TestCards.AUTHORISED, TestCards.AUTHORISED_TOO, TestCards.INSUFFICIENT_FUNDS,
    TestCards.DO_NOT_HONOUR, TestCards.EXPIRED_CARD, TestCards.SUSPECTED_FRAUD,
    TestCards.UNAVAILABLE
  })
  void everyTestCardIsLuhnValid(String number) {
    assertThat(TestCards.isLuhnValid(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4111111111111112", "4000000000000001"})
  void theLuhnCheckRefusesWrongNumbers(String number) {
    assertThat(TestCards.isLuhnValid(number)).isFalse();
  }
}
