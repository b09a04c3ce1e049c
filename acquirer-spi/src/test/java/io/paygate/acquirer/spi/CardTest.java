package io.paygate.acquirer.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardTest {

  @Test
  void toStringShowsOnlyTheMaskedNumber() {
    Card card = new Card("4242424242424242", "987", 12, 2031, "Santa Claus");

    assertThat(card.toString()).contains("424242******4242").doesNotContain("4242424242424242")
        .doesNotContain("987");
  }

  @Test
  void shortNumbersKeepFewerDigits() {
    assertThat(Card.mask("123456789012")).isEqualTo("123******012");
    assertThat(Card.mask("4242424242424242")).isEqualTo("424242******4242");
  }

  @Test
  void requestToStringCarriesNoCardData() {
    AuthorisationRequest request = AuthorisationRequest.builder()
        .paymentReference("ref-1").merchantId("m-1")
        .card(new Card("4000056655665556", "123", 1, 2030, "A B"))
        .amount(4250, java.util.Currency.getInstance("EUR"))
        .deadline(java.time.Instant.now())
        .build();

    assertThat(request.toString()).doesNotContain("4000056655665556").doesNotContain("123,")
        .contains("4250 EUR");
  }
}
