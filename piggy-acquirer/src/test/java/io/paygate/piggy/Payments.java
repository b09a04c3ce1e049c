package io.paygate.piggy;

import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.Card;
import io.paygate.acquirer.spi.StatusRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

/** Requests for the plug-in tests: 42.50 EUR for merchant-1, CVV 123, deadline in 10 s. */
final class Payments {
  static final String CVV = "123";
  static final long AMOUNT = 4250;
  static final Currency EUR = Currency.getInstance("EUR");

  private Payments() {}

  static AuthorisationRequest authorisation(String reference, String cardNumber) {
    return authorisation(reference, cardNumber, Instant.now().plus(Duration.ofSeconds(10)));
  }

  static AuthorisationRequest authorisation(
      String reference, String cardNumber, Instant deadline) {
    return authorisation(reference, new Card(cardNumber, CVV, 12, 2030, "Peppa Pig"), deadline);
  }

  static AuthorisationRequest authorisation(String reference, Card card, Instant deadline) {
    return AuthorisationRequest.builder()
        .paymentReference(reference)
        .merchantId("merchant-1")
        .merchantName("Merchant One")
        .card(card)
        .amount(AMOUNT, EUR)
        .deadline(deadline)
        .build();
  }

  static StatusRequest lookUp(String reference) {
    return lookUp(reference, Instant.now().plus(Duration.ofSeconds(10)));
  }

  static StatusRequest lookUp(String reference, Instant deadline) {
    return new StatusRequest(reference, "merchant-1", AMOUNT, EUR, deadline);
  }
}
