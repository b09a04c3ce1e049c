package io.paygate.it;

import io.paygate.sdk.Money;
import io.paygate.sdk.PaymentRequest;
import java.time.Year;

/**
 * Payment requests with Luhn-valid cards for Piggy Bank, whose simulator decides by the last
 * digit: odd authorises, even declines, zero answers 503.
 */
final class TestCards {
  static final String AUTHORISED = "4111 1111 1111 1111";
  static final String DECLINED = "4000 0000 0000 0002";
  static final String BANK_UNAVAILABLE = "4000 0000 0000 0010";
  /** Fails the check digit. */
  static final String BAD_CHECK_DIGIT = "4111 1111 1111 1112";

  private TestCards() {
  }

  static PaymentRequest.Builder payment(String card, String amount, String currency) {
    return new PaymentRequest.Builder()
        .amount(Money.of(amount, currency))
        .cardNumber(card).cvv("123")
        .expiryMonth(12).expiryYear(Year.now().getValue() + 3)
        .cardHolderName("Santa Claus");
  }

  static PaymentRequest authorised() {
    return payment(AUTHORISED, "42.50", "EUR").build();
  }
}
