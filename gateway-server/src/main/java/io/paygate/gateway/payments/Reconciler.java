package io.paygate.gateway.payments;

import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.Operation;
import io.paygate.acquirer.spi.StatusRequest;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.gateway.acquirer.AcquirerCaller;
import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.acquirer.LoadedAcquirer;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.config.ReconcileSettings;
import io.paygate.gateway.core.OperationStatus;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentOperation;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.core.WebhookEventType;
import io.paygate.gateway.db.PaymentRepository;
import io.paygate.gateway.db.UnresolvedOperation;
import io.paygate.gateway.db.UnresolvedPayment;
import io.paygate.gateway.metrics.ReconciliationMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Settles payments whose outcome is not final ({@code Unknown}, and {@code Pending} left behind by
 * a crash) by asking their acquirer about them by the gateway's reference: at start-up, then every
 * {@code interval}, each payment with its own doubling backoff kept in the database.
 *
 * <p>A payment is only looked up once it is older than the acquirer timeout plus a margin: a
 * younger one may still be on its way to the bank, which would answer "not found" and have it
 * failed while the bank was about to charge it.
 *
 * <p>The bank's answer decides: authorised or declined as it says; not found becomes
 * {@code Failed} (the bank never saw it, nothing was charged). An authorisation whose echoed
 * amount or currency differs from ours is not accepted: the payment stays {@code Unknown} with
 * {@code errorCode} {@code amount_mismatch}, an audit event and an error in the log, for an
 * operator to settle with the bank; reconciliation leaves it alone from then on.
 *
 * <p>Not found is not trusted alone when the acquirer can cancel: the authorisation may still be
 * on its way to the bank. The gateway then sends a technical cancel by the payment's reference
 * (stored first, like every operation); once the bank confirms it, the payment is {@code Failed}
 * with {@code errorCode} {@code cancelled}, and the bank refuses the authorisation should it
 * arrive late. Until then the payment stays {@code Unknown}.
 *
 * <p>A payment the bank cannot tell about (its look-ups keep answering unknown) is not left
 * {@code Unknown} for ever: once it is older than {@code cancelAfter}
 * ({@code reconcile.cancel.after}, 24 h by default) and its acquirer can cancel, it gets the same
 * technical cancel, and is {@code Failed} ({@code cancelled}) once the bank confirms it: the bank
 * reverses the authorisation if it holds one, and refuses it should it arrive late.
 *
 * <p>Captures, voids, refunds and cancels left {@code Pending} or {@code Unknown} are looked up the
 * same way, each with its own backoff: done or refused settle them (and their reservation); not
 * found fails them and gives the reservation back.
 *
 * <p>Several nodes on one database: each row is leased before it is looked up ({@link Lease}), so
 * one node at a time asks the bank about it; a node that dies holding a lease loses it when it
 * runs out, and another node takes the row over.
 */
public final class Reconciler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  private static final int BATCH = 100;
  /** The error code of a payment the gateway cancelled at its bank after a not-found look-up. */
  public static final String CANCELLED = "cancelled";

  private final PaymentRepository payments;
  private final AcquirerRegistry acquirers;
  private final AcquirerCaller caller;
  private final InFlightPayments inFlight;
  private final AuditLog audit;
  private final Clock clock;
  private final ReconcileSettings settings;
  private final ScheduledExecutorService schedule;
  private final OperationService operations;
  private final ReconciliationMetrics metrics;
  private final Lease lease;

  /**
   * Who looks rows up, and for how long a row is theirs.
   *
   * @param owner this node (this run of it): written in {@code lease_owner}
   * @param length long enough for one look-up and a technical cancel, each bounded by the
   *     acquirer timeout; a dead owner's rows wait this long at most
   */
  public record Lease(String owner, Duration length) {}

  /**
   * @param settings when payments count as abandoned, how often to look, how long to back off
   * @param metrics where runs and their results are counted
   * @param operations settles unresolved captures, voids, refunds and cancels, and sends
   *     technical cancels; null for payments only
   * @param lease this node's name and the length of its leases
   */
  public Reconciler(PaymentRepository payments, AcquirerRegistry acquirers, AcquirerCaller caller,
      InFlightPayments inFlight, AuditLog audit, Clock clock, ReconcileSettings settings,
      ReconciliationMetrics metrics, OperationService operations, Lease lease) {
    this.operations = operations;
    this.lease = lease;
    this.payments = payments;
    this.acquirers = acquirers;
    this.caller = caller;
    this.inFlight = inFlight;
    this.audit = audit;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "reconciler");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Runs a first pass now, in the background so that a slow bank does not hold up start-up, then
   * one every interval.
   */
  public Reconciler start() {
    schedule.scheduleWithFixedDelay(this::runSafely, 0, settings.interval().toMillis(),
        TimeUnit.MILLISECONDS);
    return this;
  }

  private void runSafely() {
    long start = System.nanoTime();
    try {
      int settled = runOnce();
      metrics.ran(true, System.nanoTime() - start);
      if (settled > 0) {
        log.info("reconciliation settled {} payments", settled);
      }
    } catch (RuntimeException e) {
      metrics.ran(false, System.nanoTime() - start);
      // The next run tries again; a dead scheduler would leave payments unresolved for good.
      log.error("reconciliation run failed", e);
    }
  }

  /**
   * Looks up every unresolved payment that is due.
   *
   * @return how many reached a final status
   */
  public int runOnce() {
    return runPayments() + runOperations();
  }

  private int runPayments() {
    int settled = 0;
    Instant started = clock.instant();
    while (!schedule.isShutdown()) {
      Instant now = clock.instant();
      // Those postponed during this run are due again only after it.
      List<UnresolvedPayment> due =
          payments.findUnresolved(now.minus(settings.staleAfter()), started, BATCH);
      int looked = 0;
      for (UnresolvedPayment u : due) {
        if (inFlight.contains(u.payment().id())) {
          continue;
        }
        if (!leased(u.payment())) {
          continue; // another node took it since it was read
        }
        looked++;
        Payment p = lookUpLeased(u.payment());
        if (p.status().isFinal()) {
          settled++;
          metrics.settled();
        } else {
          postpone(u, p);
        }
      }
      if (due.size() < BATCH || looked == 0) {
        return settled;
      }
    }
    return settled;
  }

  /** Looks up every unresolved operation that is due; how many reached a final status. */
  private int runOperations() {
    if (operations == null) {
      return 0;
    }
    int settled = 0;
    Instant started = clock.instant();
    while (!schedule.isShutdown()) {
      List<UnresolvedOperation> due =
          operations.unresolved(clock.instant().minus(settings.staleAfter()), started, BATCH);
      int looked = 0;
      for (UnresolvedOperation u : due) {
        if (inFlight.contains(u.operation().id())) {
          continue;
        }
        Instant now = clock.instant();
        if (!operations.lease(u.operation().id(), lease.owner(), now, now.plus(lease.length()))) {
          continue; // another node took it since it was read
        }
        looked++;
        PaymentOperation op = operations.resolve(u.operation());
        if (op.status().isFinal()) {
          settled++;
        } else {
          int lookUps = u.lookUps() + 1;
          operations.postpone(op.id(), lookUps, clock.instant().plus(backoff(lookUps)));
        }
      }
      if (due.size() < BATCH || looked == 0) {
        return settled;
      }
    }
    return settled;
  }

  private void postpone(UnresolvedPayment u, Payment now) {
    if (PaymentRepository.AMOUNT_MISMATCH.equals(now.errorCode())) {
      metrics.flagged();
      return; // Left to the operator; no longer found by runOnce.
    }
    metrics.postponed();
    int lookUps = u.lookUps() + 1;
    payments.postponeReconciliation(now.id(), lookUps, clock.instant().plus(backoff(lookUps)));
  }

  /** interval, 2 × interval, 4 × interval, … up to maxBackoff. */
  Duration backoff(int lookUps) {
    int doublings = Math.min(lookUps - 1, 30);
    Duration d = settings.interval().multipliedBy(1L << doublings);
    return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
  }

  /**
   * Whether a payment not in flight here may be looked up now: not final, old enough that no call
   * can still be on its way, and not flagged for the operator.
   */
  public boolean isDue(Payment p) {
    return !p.status().isFinal() && !inFlight.contains(p.id())
        && p.createdAt().isBefore(clock.instant().minus(settings.staleAfter()))
        && !PaymentRepository.AMOUNT_MISMATCH.equals(p.errorCode());
  }

  /**
   * Asks the payment's acquirer what became of it and records the answer, unless another node is
   * doing so now (it holds the lease).
   *
   * @return the payment as stored afterwards
   */
  public Payment resolve(Payment p) {
    if (!leased(p)) {
      return payments.find(p.merchantId(), p.id()).orElse(p);
    }
    return lookUpLeased(p);
  }

  private boolean leased(Payment p) {
    Instant now = clock.instant();
    return payments.lease(p.id(), lease.owner(), now, now.plus(lease.length()));
  }

  private Payment lookUpLeased(Payment p) {
    try (MDC.MDCCloseable ignored = MDC.putCloseable("paymentId", p.id().toString())) {
      return lookUp(p);
    }
  }

  private Payment lookUp(Payment p) {
    Optional<LoadedAcquirer> acquirer = acquirers.find(p.acquirer());
    StatusResult r = acquirer.isEmpty()
        ? StatusResult.unknown("acquirer " + p.acquirer() + " is not loaded")
        : caller.status(acquirer.get(), new StatusRequest(p.id().toString(),
            p.merchantId().toString(), p.amount().minor(), p.amount().currency(),
            caller.deadline()));
    Instant at = now();
    Payment next;
    if (r.outcome() == StatusResult.Outcome.AUTHORISED && !echoMatches(p, r)) {
      next = p.withOutcome(PaymentStatus.Unknown, at, "AmountMismatch", r.bankReference(),
          PaymentRepository.AMOUNT_MISMATCH);
      log.error("payment {} at {}: the bank authorised {} {} but the gateway asked for {};"
          + " left Unknown for an operator to settle with the bank", p.id(), p.acquirer(),
          r.amountMinor(), r.currency(), p.amount());
      record(p, next, "payment.flagged", "bank echoed " + r.amountMinor() + " " + r.currency()
          + ", not " + p.amount());
    } else if (r.outcome() == StatusResult.Outcome.NOT_FOUND && acquirer.isPresent()
        && operations != null && acquirer.get().supports(Operation.CANCEL)) {
      next = cancelTechnically(p, acquirer.get(), at, "not found at " + p.acquirer()
          + ", so that it cannot arrive late");
      if (next == null) {
        return payments.find(p.merchantId(), p.id()).orElse(p);
      }
    } else {
      next = OutcomeMapper.apply(p, r, at);
      if (next != null) {
        record(p, next, "payment.reconciled", r.outcome() + " at " + p.acquirer());
      } else if (p.status() == PaymentStatus.Pending) {
        // Abandoned by a crash and the bank cannot tell yet: say Unknown, not "in flight".
        next = OutcomeMapper.apply(p,
            AuthorisationResult.unknown(r.message()), at);
        record(p, next, "payment.reconciled", "look-up failed: " + r.message());
      } else if (pastCancelDeadline(p, acquirer)) {
        log.warn("payment {} still unknown at {} after {}: cancelling it technically", p.id(),
            p.acquirer(), settings.cancelAfter());
        next = cancelTechnically(p, acquirer.get(), at, "still unknown at " + p.acquirer()
            + " after " + settings.cancelAfter() + " (reconcile.cancel.after)");
        if (next == null) {
          return payments.find(p.merchantId(), p.id()).orElse(p);
        }
      } else {
        log.info("payment {} still unknown at {}: {}", p.id(), p.acquirer(), r.message());
        return p;
      }
    }
    return payments.find(p.merchantId(), p.id()).orElse(next);
  }

  /** Whether an unknown payment is old enough, and its acquirer able, to be cancelled. */
  private boolean pastCancelDeadline(Payment p, Optional<LoadedAcquirer> acquirer) {
    return operations != null && acquirer.isPresent()
        && acquirer.get().supports(Operation.CANCEL)
        && p.createdAt().isBefore(clock.instant().minus(settings.cancelAfter()));
  }

  /**
   * Cancels a payment the bank says it has not seen, since it may yet arrive, or one it cannot
   * tell about past the deadline: Failed once the bank confirms the cancel; otherwise Unknown
   * (from Pending) or unchanged, to be tried again.
   *
   * @param reason why, for the audit trail and the log
   * @return the payment as recorded, or null when it was left as it was
   */
  private Payment cancelTechnically(Payment p, LoadedAcquirer acquirer, Instant at,
      String reason) {
    // One cancel at a time: an earlier one still open is settled by the operations' pass, and
    // one the bank refused means it holds something; neither is sent again.
    Optional<PaymentOperation> earlier = operations.latestCancel(p);
    boolean sendAgain = earlier.isEmpty()
        || earlier.get().status() == OperationStatus.Failed;
    Optional<PaymentOperation> cancel = sendAgain ? operations.cancel(p, acquirer) : earlier;
    if (cancel.isPresent() && cancel.get().status() == OperationStatus.Succeeded) {
      Payment failed = p.withOutcome(PaymentStatus.Failed, at, "Cancelled", null, CANCELLED);
      record(p, failed, "payment.reconciled", reason + "; technically cancelled");
      return failed;
    }
    String why = cancel.map(c -> "the cancel is " + c.status()
        + (c.errorCode() == null ? "" : " (" + c.errorCode() + ")")).orElse("no cancel sent");
    log.info("payment {}: {}; {}: left unresolved", p.id(), reason, why);
    if (p.status() == PaymentStatus.Pending) {
      Payment unknown = OutcomeMapper.apply(p, AuthorisationResult.unknown(why), at);
      record(p, unknown, "payment.reconciled", reason + ", " + why);
      return unknown;
    }
    return null;
  }

  private void record(Payment before, Payment after, String event, String detail) {
    if (payments.recordOutcome(after, WebhookEventType.ofReconciliation(after.status()))) {
      audit.record(event, after.status().name(), before.merchantId(), before.id(), detail);
    }
  }

  /** An echo the bank leaves out is no mismatch; one it gives must be ours. */
  private static boolean echoMatches(Payment p, StatusResult r) {
    return (r.amountMinor() == null || r.amountMinor() == p.amount().minor())
        && (r.currency() == null || r.currency().equals(p.amount().currency()));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Stops the schedule; a look-up in progress is interrupted. */
  @Override
  public void close() {
    schedule.shutdownNow();
    try {
      schedule.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
