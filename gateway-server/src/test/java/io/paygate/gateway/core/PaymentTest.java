package io.paygate.gateway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {
  private static final Instant CREATED = Instant.parse("2026-12-04T10:00:00Z");

  private static Payment.Builder pending() {
    return Payment.pending()
        .id(UUID.randomUUID())
        .merchantId(UUID.randomUUID())
        .cardHolderName("Santa")
        .cardNumberMasked("411111******1111")
        .expiry(12, 2031)
        .amount(Money.ofMinor(4250, Currency.getInstance("EUR")))
        .createdAt(CREATED)
        .acquirer("PiggyBank");
  }

  @Test
  void aPendingPaymentHasNoOutcomeYet() {
    Payment p = pending().idempotency("key-1", "fp").build();

    assertThat(p.status()).isEqualTo(PaymentStatus.Pending);
    assertThat(p.processedAt()).isNull();
    assertThat(p.acquirerStatus()).isNull();
    assertThat(p.acquirerReference()).isNull();
    assertThat(p.errorCode()).isNull();
    assertThat(p.expiryMonth()).isEqualTo(12);
    assertThat(p.expiryYear()).isEqualTo(2031);
    assertThat(p.idempotencyKey()).isEqualTo("key-1");
    assertThat(p.requestFingerprint()).isEqualTo("fp");
  }

  @Test
  void aFinalOutcomeSetsProcessedAtAndKeepsEverythingElse() {
    Payment p = pending().idempotency("key-1", "fp").build();
    Instant at = CREATED.plusSeconds(2);

    Payment done = p.withOutcome(PaymentStatus.Authorised, at, "Authorised", "ref-9", null);

    assertThat(done.status()).isEqualTo(PaymentStatus.Authorised);
    assertThat(done.processedAt()).isEqualTo(at);
    assertThat(done.acquirerReference()).isEqualTo("ref-9");
    assertThat(done).usingRecursiveComparison()
        .ignoringFields("status", "processedAt", "acquirerStatus", "acquirerReference")
        .isEqualTo(p);
  }

  @Test
  void anUnknownOutcomeIsNotProcessed() {
    Payment unknown = pending().build()
        .withOutcome(PaymentStatus.Unknown, CREATED.plusSeconds(5), "NoAnswer", null, "timeout");

    assertThat(unknown.processedAt()).isNull();
    assertThat(unknown.errorCode()).isEqualTo("timeout");
  }

  @Test
  void buildNamesTheMissingField() {
    assertThatThrownBy(() -> pending().acquirer(null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("acquirer == null");
    assertThatThrownBy(() -> Payment.builder().build())
        .hasMessage("id == null");
  }
}
