package io.paygate.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "4242424242424242", "4111111111111111", "378282246310005", "6011111111111117",
      "5555555555554444", "79927398713", "4242424242424242428", "0"})
  void acceptsNumbersWithAValidCheckDigit(String digits) {
    assertThat(Luhn.isValid(digits)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424241", "4111111111111112", "79927398710", "1"})
  void refusesNumbersWithAWrongCheckDigit(String digits) {
    assertThat(Luhn.isValid(digits)).isFalse();
  }

  @Test
  void detectsEverySingleDigitError() {
    String valid = "4242424242424242";
    for (int i = 0; i < valid.length(); i++) {
      for (char d = '0'; d <= '9'; d++) {
        if (d != valid.charAt(i)) {
          String altered = valid.substring(0, i) + d + valid.substring(i + 1);
          assertThat(Luhn.isValid(altered)).as("digit %d set to %s", i, d).isFalse();
        }
      }
    }
  }

  @Test
  void detectsAdjacentTransposition() {
    assertThat(Luhn.isValid("4242424242424242")).isTrue();
    assertThat(Luhn.isValid("2442424242424242")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "4242 4242 4242 4242", "4242-4242-4242-4242", "42424242424242a2",
      "\u0664\u0662\u0664\u0662"})
  void refusesAnythingButAsciiDigits(String input) {
    assertThat(Luhn.isValid(input)).isFalse();
  }

  @Test
  void acceptsAnyCharSequence() {
    assertThat(Luhn.isValid(new StringBuilder("4242424242424242"))).isTrue();
  }

  @Test
  void refusesNull() {
    assertThatNullPointerException().isThrownBy(() -> Luhn.isValid(null));
  }
}
