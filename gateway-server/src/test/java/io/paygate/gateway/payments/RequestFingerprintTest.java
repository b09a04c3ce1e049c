package io.paygate.gateway.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.validation.PaymentRequestValidator;
import io.paygate.gateway.validation.ValidatedPayment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PCI DSS 3.5.1.1: the fingerprint kept to recognise a repeated request is a keyed hash (HMAC with
 * the gateway's secret), never a plain hash that could be reversed by trying every card number;
 * and the CVV is not part of it.
 */
class RequestFingerprintTest {
  static final String CARD = "4111111111111111";
  final PaymentRequestValidator validator =
      new PaymentRequestValidator(Clock.systemUTC(), 100_000_000_00L);

  @Test
  void theFingerprintIsKeyedAndNoPlainHashOfTheCard() throws Exception {
    ValidatedPayment p = payment("123");
    String one = new RequestFingerprint(bytes("first secret of enough length 0123456789")).of(p);
    String two = new RequestFingerprint(bytes("other secret of enough length 0123456789")).of(p);

    assertThat(one).isNotEqualTo(two).hasSize(64);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    assertThat(one).isNotEqualTo(HexFormat.of().formatHex(sha.digest(bytes(CARD))));
  }

  @Test
  void theCvvIsNotPartOfTheFingerprint() {
    RequestFingerprint f = new RequestFingerprint(bytes("a secret of enough length 0123456789"));

    assertThat(f.of(payment("123"))).isEqualTo(f.of(payment("999")));
  }

  private ValidatedPayment payment(String cvv) {
    return validator.validate(Map.of("cardnumber", CARD, "cvv", cvv,
        "expirymonth", new BigDecimal(12), "expiryyear", new BigDecimal(2031),
        "amount", new BigDecimal("10.00"), "currency", "EUR", "cardholdername", "Santa Claus"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
