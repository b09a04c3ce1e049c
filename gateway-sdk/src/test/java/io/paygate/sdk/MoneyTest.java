package io.paygate.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  @Test void majorAndMinorUnitsAgree() {
    Money money = Money.of("42.5", "eur");
    assertThat(money.minorUnits()).isEqualTo(4250);
    assertThat(money.amount()).isEqualTo(new BigDecimal("42.50")); // scale of the currency
    assertThat(money.currency()).isEqualTo(EUR);
    assertThat(money).isEqualTo(Money.ofMinor(4250, EUR)).hasSameHashCodeAs(Money.ofMinor(4250, EUR));
    assertThat(money.toString()).isEqualTo("42.50 EUR");
  }

  @Test void currencyDecidesTheDecimals() {
    assertThat(Money.of("1000", "JPY").amount()).isEqualTo(new BigDecimal("1000"));
    assertThat(Money.of("1.234", "BHD").minorUnits()).isEqualTo(1234);
    assertThatThrownBy(() -> Money.of("10.5", "JPY"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount 10.5 has more decimals than JPY allows (0)");
    assertThatThrownBy(() -> Money.of("0.001", "EUR")).isInstanceOf(IllegalArgumentException.class);
    // Trailing zeros are not extra precision.
    assertThat(Money.of("42.500", "EUR").minorUnits()).isEqualTo(4250);
  }

  @Test void badInputIsRefusedWithANamedReason() {
    assertThatThrownBy(() -> Money.of("forty", "EUR")).hasMessage("amount is not a decimal number: forty");
    assertThatThrownBy(() -> Money.of("1", "XYZ")).hasMessage("not an ISO 4217 currency code: XYZ");
    assertThatThrownBy(() -> Money.of("1", "XAU")).hasMessage("XAU has no minor unit");
    assertThatThrownBy(() -> Money.of((BigDecimal) null, EUR)).hasMessage("amount == null");
    assertThatThrownBy(() -> Money.ofMinor(1, null)).hasMessage("currency == null");
    assertThatThrownBy(() -> Money.of(new BigDecimal("1e30"), EUR)).hasMessageContaining("too large");
  }
}
