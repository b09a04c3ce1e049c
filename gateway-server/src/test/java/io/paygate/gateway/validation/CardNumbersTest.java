package io.paygate.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "4242424242424242", "4242 4242 4242 4242", "4242-4242-4242-4242", "4242 42424242 4242",
      "4-2-4-2-4-2-4-2-4-2-4-2-4-2-4-2"})
  void normalizeKeepsTheDigitsOfGroupedNumbers(String input) {
    assertThat(CardNumbers.normalize(input)).contains("4242424242424242");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "-", " 4242424242424242", "4242424242424242 ", "-4242424242424242",
      "4242424242424242-", "4242  4242 4242 4242", "4242--4242-4242-4242",
      "4242 4242-4242 4242", "4242-4242 4242-4242", "4242 4242 4242 424x", "4242.4242.4242.4242",
      "4242\t4242\t4242\t4242", "4242_4242_4242_4242", "\u0664\u0662\u0664\u0662",
      "+4242424242424242", "4242 4242 4242 4242\n"})
  void normalizeRefusesAnythingElse(String input) {
    assertThat(CardNumbers.normalize(input)).isEmpty();
  }

  @Test
  void normalizeLeavesLengthAndCheckDigitToTheCaller() {
    assertThat(CardNumbers.normalize("1")).contains("1");
    assertThat(CardNumbers.normalize("4242 4242 4242 4241")).contains("4242424242424241");
  }

  @Test
  void normalizeRefusesNull() {
    assertThatNullPointerException().isThrownBy(() -> CardNumbers.normalize(null));
  }

  @ParameterizedTest
  @CsvSource({
      "4242424242424242,    424242******4242",
      "123456789012,        123******012",
      "1234567890123,       123******0123",
      "12345678901234,      1234******1234",
      "123456789012345,     12345******2345",
      "4242424242424242428, 424242*********2428",
      "1234567,             ******7",
      "123456,              ******",
      "1,                   *"})
  void maskShowsAtMostFirstSixAndLastFourAndHidesAtLeastSix(String digits, String masked) {
    assertThat(CardNumbers.mask(digits)).isEqualTo(masked);
  }

  @Test
  void maskOfEveryLengthKeepsTheBounds() {
    String source = "98765432109876543210987654321";
    for (int length = 0; length <= source.length(); length++) {
      String digits = source.substring(0, length);
      String masked = CardNumbers.mask(digits);
      int first = masked.indexOf('*') < 0 ? masked.length() : masked.indexOf('*');
      int last = masked.length() - 1 - masked.lastIndexOf('*');
      long hidden = masked.chars().filter(c -> c == '*').count();
      assertThat(masked).as("length %d", length).hasSize(length);
      assertThat(hidden).as("hidden of %d", length).isGreaterThanOrEqualTo(Math.min(6, length));
      if (hidden > 0) {
        assertThat(first).as("first of %d", length).isLessThanOrEqualTo(6);
        assertThat(last).as("last of %d", length).isLessThanOrEqualTo(4);
        assertThat(masked.substring(0, first)).isEqualTo(digits.substring(0, first));
        assertThat(masked.substring(length - last)).isEqualTo(digits.substring(length - last));
      }
    }
  }

  @Test
  void maskRefusesNonDigitsWithoutRepeatingThem() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CardNumbers.mask("4242 4242 4242 4242"))
        .withMessageNotContaining("4242");
    assertThatNullPointerException().isThrownBy(() -> CardNumbers.mask(null));
  }
}
