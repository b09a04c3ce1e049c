package io.paygate.gateway.payments;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paygate.gateway.acquirer.AcquirerCaller;
import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.config.AcquirerCallSettings;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.core.Money;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.db.AuditRepository;
import io.paygate.gateway.db.Database;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.db.PaymentRepository;
import io.paygate.gateway.metrics.PaymentMetrics;
import io.paygate.gateway.metrics.ReconciliationMetrics;
import io.paygate.gateway.support.MutableClock;
import io.paygate.gateway.support.ScriptedAcquirer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;

/**
 * The money path without HTTP: the real repositories on an H2 database in a temporary folder, the
 * real acquirer caller, and the test class path's {@code Scripted} bank, which a test scripts.
 * The clock is moved by hand; reconciliation's timing is short and named.
 */
final class MoneyPath implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration STALE_AFTER = Duration.ofSeconds(5);

  final MutableClock clock = MutableClock.ofNow();
  final Database db;
  final PaymentRepository payments;
  final AcquirerRegistry acquirers;
  final AcquirerCaller caller;
  final InFlightPayments inFlight = new InFlightPayments();
  final AuditLog audit;
  final Reconciler reconciler;
  final PaymentService service;
  final Merchant merchant;

  MoneyPath(Path dir) {
    ScriptedAcquirer.reset();
    GatewayConfig config = GatewayConfig.from(ConfigSource.of(Map.of(
        "data.dir", dir.resolve("data").toString(),
        "plugins.dir", dir.resolve("plugins").toString(),
        "acquirer.piggybank.simulator", "true",
        "acquirer.timeout", TIMEOUT.toSeconds() + "s",
        "reconcile.margin", STALE_AFTER.minus(TIMEOUT).toSeconds() + "s",
        "reconcile.interval", "1s",
        "reconcile.max.backoff", "1m")));
    db = Database.open(config);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    payments = new PaymentRepository(db.dataSource());
    acquirers = AcquirerRegistry.load(config, getClass().getClassLoader());
    caller = new AcquirerCaller(
        new AcquirerCallSettings(TIMEOUT, 4, 1000, Duration.ofSeconds(30)), clock);
    audit = new AuditLog(new AuditRepository(db.dataSource()), clock);
    // Not started: a test runs it with runOnce(), so nothing happens behind its back.
    reconciler = new Reconciler(payments, acquirers, caller, inFlight, audit, clock,
        config.reconcile(), new ReconciliationMetrics(registry), null,
        new Reconciler.Lease("money-path-test", Duration.ofSeconds(30)));
    service = new PaymentService(payments, acquirers, caller,
        new RequestFingerprint("a-test-secret-of-at-least-32-bytes!!".getBytes(
            StandardCharsets.UTF_8)),
        audit, inFlight, reconciler, clock, new PaymentMetrics(registry), null);
    merchant = new Merchant(UUID.randomUUID(), "shop-" + UUID.randomUUID(), "Shop",
        "$2a$10$notarealhash", ScriptedAcquirer.NAME, clock.instant());
    new MerchantRepository(db.dataSource()).insert(merchant);
  }

  /** A payment left by an earlier run in {@code status}, created {@code age} ago, stored. */
  Payment stored(PaymentStatus status, Duration age) {
    Instant created = clock.instant().minus(age).truncatedTo(ChronoUnit.MICROS);
    Payment pending = Payment.pending()
        .id(UUID.randomUUID())
        .merchantId(merchant.id())
        .cardHolderName("Santa")
        .cardNumberMasked("411111******1111")
        .expiry(12, 2031)
        .amount(Money.ofMinor(4250, Currency.getInstance("EUR")))
        .createdAt(created)
        .acquirer(ScriptedAcquirer.NAME)
        .build();
    payments.insert(pending);
    if (status == PaymentStatus.Pending) {
      return pending;
    }
    Payment next = pending.withOutcome(status, created, "NoAnswer", null, "outcome_unknown");
    payments.recordOutcome(next);
    return next;
  }

  /** The payment as stored now. */
  Payment reread(Payment p) {
    return payments.find(p.merchantId(), p.id()).orElseThrow();
  }

  @Override
  public void close() {
    reconciler.close();
    caller.close();
    acquirers.close();
    audit.close();
    db.close();
    ScriptedAcquirer.reset();
  }
}
