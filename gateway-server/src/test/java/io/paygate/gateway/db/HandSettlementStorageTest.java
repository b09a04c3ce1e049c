package io.paygate.gateway.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.core.ManualSettlement;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.core.Money;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payment settled by hand stays as the operator settled it: reconciliation's write (the same
 * conditional update a late bank answer uses) cannot overwrite it, and reconciliation no longer
 * finds it. Against the real schema on H2.
 */
class HandSettlementStorageTest {
  private static final Instant FAR_FUTURE = Instant.parse("2999-01-01T00:00:00Z");

  @TempDir Path dir;
  private Database database;
  private PaymentRepository payments;
  private PaymentSettlements settlements;
  private Payment unknown;

  @BeforeEach
  void unknownPayment() {
    database = Database.open(GatewayConfig.from(ConfigSource.of(Map.of(
        "data.dir", dir.toString()))));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    UUID merchant = UUID.randomUUID();
    new MerchantRepository(database.dataSource()).insert(new Merchant(merchant, "shop-settle",
        "Shop", "$2a$10$hash", "PiggyBank", now));
    payments = new PaymentRepository(database.dataSource());
    settlements = new PaymentSettlements(database.dataSource());
    Payment pending = Payment.pending()
        .id(UUID.randomUUID())
        .merchantId(merchant)
        .cardHolderName("Santa")
        .cardNumberMasked("411111******1111")
        .expiry(12, 2031)
        .amount(Money.ofMinor(1000, Currency.getInstance("EUR")))
        .createdAt(now)
        .acquirer("PiggyBank")
        .build();
    payments.insert(pending);
    unknown = pending.withOutcome(PaymentStatus.Unknown, now, null, null, "timeout");
    assertThat(payments.recordOutcome(unknown)).isTrue();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void reconciliationCannotOverwriteAHandSettlementNorFindIt() {
    assertThat(payments.findUnresolved(FAR_FUTURE, FAR_FUTURE, 10)).hasSize(1);

    assertThat(settlements.settle(unknown.id(), PaymentStatus.Declined, Instant.now(),
        new ManualSettlement("alice", "the bank has no such payment"))).isTrue();

    Payment lateAnswer = unknown.withOutcome(PaymentStatus.Authorised, Instant.now(), "Authorised",
        "bank-ref", null);
    assertThat(payments.recordOutcome(lateAnswer)).isFalse();
    PaymentSettlements.Settled stored = settlements.find(unknown.id()).orElseThrow();
    assertThat(stored.payment().status()).isEqualTo(PaymentStatus.Declined);
    assertThat(stored.payment().errorCode()).isEqualTo(PaymentSettlements.SETTLED_BY_HAND);
    assertThat(stored.settlement()).contains(
        new ManualSettlement("alice", "the bank has no such payment"));
    assertThat(payments.findUnresolved(FAR_FUTURE, FAR_FUTURE, 10)).isEmpty();
    assertThat(settlements.needingAttention(FAR_FUTURE, null, 10)).isEmpty();
    // Settled once: a second hand settlement finds it final too.
    assertThat(settlements.settle(unknown.id(), PaymentStatus.Authorised, Instant.now(),
        new ManualSettlement("bob", "changed my mind"))).isFalse();
  }

  @Test
  void aBankAnswerFirstMeansTheHandSettlementIsRefused() {
    Payment answered = unknown.withOutcome(PaymentStatus.Authorised, Instant.now(), "Authorised",
        "bank-ref", null);
    assertThat(payments.recordOutcome(answered)).isTrue();

    assertThat(settlements.settle(unknown.id(), PaymentStatus.Failed, Instant.now(),
        new ManualSettlement("alice", "bank unreachable all day"))).isFalse();
    assertThat(settlements.find(unknown.id()).orElseThrow().settlement()).isEmpty();
  }
}
