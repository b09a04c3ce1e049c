package io.paygate.benchmarks;

import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.core.Ids;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.core.Money;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.db.Database;
import io.paygate.gateway.db.MerchantRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;

/** What the benchmarks share: a payment body, a payment, an embedded database with a merchant. */
final class Fixtures {
  static final byte[] PAYMENT_BODY = ("{\"cardnumber\":\"4111 1111 1111 1111\",\"cvv\":\"123\","
      + "\"expirymonth\":12,\"expiryyear\":2031,\"amount\":42.50,\"currency\":\"eur\","
      + "\"cardholdername\":\"Santa Claus\"}").getBytes(StandardCharsets.UTF_8);
  static final Currency EUR = Currency.getInstance("EUR");

  private Fixtures() {}

  /** The gateway's embedded database (same URL, same migrations) in {@code dir}. */
  static Database database(Path dir) {
    return Database.open(GatewayConfig.from(ConfigSource.of(Map.of("data.dir", dir.toString()))));
  }

  static UUID merchant(Database db) {
    UUID id = Ids.newId();
    new MerchantRepository(db.dataSource()).insert(new Merchant(id, "bench-" + id, "Bench",
        "$2a$10$notarealhashnotarealhashnotarealhashnotarealhashnotare", "PiggyBank",
        Instant.now()));
    return id;
  }

  static Payment pending(UUID merchant) {
    return Payment.pending()
        .id(Ids.newId())
        .merchantId(merchant)
        .cardHolderName("Santa Claus")
        .cardNumberMasked("411111******1111")
        .expiry(12, 2031)
        .amount(Money.ofMinor(4250, EUR))
        .createdAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
        .acquirer("PiggyBank")
        .build();
  }

  static Payment authorised(Payment p) {
    return p.withOutcome(PaymentStatus.Authorised, Instant.now().truncatedTo(ChronoUnit.MICROS),
        "APPROVED", "ref", null);
  }
}
