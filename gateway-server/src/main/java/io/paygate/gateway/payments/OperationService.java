package io.paygate.gateway.payments;

import io.paygate.acquirer.spi.CancelRequest;
import io.paygate.acquirer.spi.CaptureRequest;
import io.paygate.acquirer.spi.OperationRequest;
import io.paygate.acquirer.spi.OperationResult;
import io.paygate.acquirer.spi.RefundRequest;
import io.paygate.acquirer.spi.VoidRequest;
import io.paygate.gateway.acquirer.AcquirerCaller;
import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.acquirer.LoadedAcquirer;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.core.Ids;
import io.paygate.gateway.core.Money;
import io.paygate.gateway.core.OperationStatus;
import io.paygate.gateway.core.OperationType;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentOperation;
import io.paygate.gateway.db.Admission;
import io.paygate.gateway.db.OperationRepository;
import io.paygate.gateway.db.PaymentRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import io.paygate.gateway.payments.OperationOutcome.PaymentDetail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import io.paygate.gateway.db.UnresolvedOperation;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Captures, voids and refunds: check, reserve the amount and store the operation as Pending in
 * one transaction before the bank is called, call the payment's acquirer, record the outcome.
 * Idempotent by the merchant's key, as payments are. Technical cancels ({@link #cancel}) are
 * reconciliation's.
 */
public final class OperationService {
  /** The error codes of outcomes the bank gave no reason for, as payments have. */
  static final String ACQUIRER_UNAVAILABLE = "acquirer_unavailable";
  static final String OUTCOME_UNKNOWN = "outcome_unknown";

  private final PaymentRepository payments;
  private final OperationRepository operations;
  private final AcquirerRegistry acquirers;
  private final AcquirerCaller caller;
  private final RequestFingerprint fingerprint;
  private final AuditLog audit;
  private final InFlightPayments inFlight;
  private final Clock clock;
  private final Duration staleAfter;

  /**
   * @param staleAfter the age from which a Pending operation cannot still be in flight (the
   *     acquirer timeout plus a margin), so a replay looks it up instead of answering 409
   */
  public OperationService(PaymentRepository payments, OperationRepository operations,
      AcquirerRegistry acquirers, AcquirerCaller caller, RequestFingerprint fingerprint,
      AuditLog audit, InFlightPayments inFlight, Clock clock, Duration staleAfter) {
    this.payments = payments;
    this.operations = operations;
    this.acquirers = acquirers;
    this.caller = caller;
    this.fingerprint = fingerprint;
    this.audit = audit;
    this.inFlight = inFlight;
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  /** A merchant's payment with its totals and operations; empty when not the merchant's. */
  public Optional<PaymentDetail> detail(UUID merchantId, UUID paymentId) {
    return payments.find(merchantId, paymentId).map(this::detailOf);
  }

  private PaymentDetail detailOf(Payment p) {
    return new PaymentDetail(p, operations.balance(p.id()), operations.forPayment(p.id()));
  }

  /**
   * Captures, voids or refunds a merchant's payment.
   *
   * @param amountMinor the amount in minor units; null for a void (the whole authorisation)
   * @param currency the currency the merchant names; must be the payment's
   * @throws ApiException 404 for another merchant's or no payment; 409 for an illegal transition
   *     or a key in flight; 422 for an unsupported operation, an amount over what remains, or a
   *     reused key
   * @throws ValidationException when the currency is not the payment's
   */
  public OperationOutcome operate(UUID merchantId, UUID paymentId, OperationType type,
      Long amountMinor, String currency, String idempotencyKey) {
    Payment payment = payments.find(merchantId, paymentId)
        .orElseThrow(() -> ApiException.notFound("no payment with this id"));
    Currency own = payment.amount().currency();
    if (currency != null && !own.getCurrencyCode().equals(currency)) {
      throw ValidationException.of("currency",
          "must be the payment's currency, " + own.getCurrencyCode());
    }
    Money amount = Money.ofMinor(amountMinor == null ? payment.amount().minor() : amountMinor, own);
    String print = fingerprint.of(type + "|" + paymentId + "|" + amount.minor() + "|"
        + own.getCurrencyCode());
    if (idempotencyKey != null) {
      Optional<PaymentOperation> earlier =
          operations.findByIdempotencyKey(merchantId, idempotencyKey);
      if (earlier.isPresent()) {
        return replay(earlier.get(), print);
      }
    }
    LoadedAcquirer acquirer = acquirers.find(payment.acquirer()).orElse(null);
    if (acquirer == null || !acquirer.supports(type.spi())) {
      throw ApiException.operationNotSupported(type.wireName(), payment.acquirer());
    }
    UUID id = Ids.newId();
    if (!inFlight.enter(id)) {
      throw ApiException.unavailable("the gateway is shutting down and takes no new operations;"
          + " retry shortly (with the same Idempotency-Key)");
    }
    try {
      PaymentOperation pending = PaymentOperation.pending(
          id, payment, type, amount, now(), idempotencyKey, print);
      Admission admission = operations.admit(pending);
      switch (admission.verdict()) {
        case DUPLICATE_KEY:
          return replay(operations.findByIdempotencyKey(merchantId, idempotencyKey).orElseThrow(),
              print);
        case ILLEGAL_STATE:
          throw illegal(type, admission);
        case OVER_REMAINING:
          long remaining = type == OperationType.Refund
              ? admission.balance().refundable(payment.withStatus(admission.current()))
              : admission.balance().capturable(payment.withStatus(admission.current()));
          throw ApiException.amountExceedsRemaining(type.wireName(), remaining,
              own.getCurrencyCode());
        default:
          break;
      }
      audit.record(type.wireName() + ".received", "Pending", merchantId, paymentId,
          amount + " via " + acquirer.name());
      PaymentOperation outcome = send(acquirer, payment, pending);
      PaymentOperation stored = operations.find(id).orElse(outcome);
      return new OperationOutcome(stored, detailOf(
          payments.find(merchantId, paymentId).orElse(payment)), false);
    } finally {
      inFlight.exit(id);
    }
  }

  /**
   * Captures the whole amount of a payment just authorised ({@code "capture": true}). No
   * idempotency key: the payment's own key covers the request, and a replay answers the stored
   * payment without capturing again.
   *
   * @return the capture and the payment after it, or null when a capture the merchant sent on
   *     its own got there first
   */
  OperationOutcome captureInFull(Payment payment) {
    LoadedAcquirer acquirer = acquirers.find(payment.acquirer()).orElseThrow();
    PaymentOperation pending = PaymentOperation.pending(Ids.newId(), payment,
        OperationType.Capture, payment.amount(), now(), null, null);
    if (operations.admit(pending).verdict() != Admission.Verdict.ADMITTED) {
      return null;
    }
    inFlight.enter(pending.id());
    try {
      audit.record("capture.received", "Pending", payment.merchantId(), payment.id(),
          payment.amount() + " via " + acquirer.name() + " (capture: true)");
      send(acquirer, payment, pending);
    } finally {
      inFlight.exit(pending.id());
    }
    PaymentOperation stored = operations.find(pending.id()).orElseThrow();
    return new OperationOutcome(stored, detailOf(
        payments.find(payment.merchantId(), payment.id()).orElse(payment)), false);
  }

  private static ApiException illegal(OperationType type, Admission admission) {
    String state = admission.current() == null ? "unknown" : admission.current().name();
    String detail = type == OperationType.Void && admission.balance() != null
        && admission.balance().captureReserved() > 0
        ? "a payment with a capture done or in flight cannot be voided; refund it instead"
        : "a payment in state " + state + " cannot take a " + type.wireName() + "; see"
            + " docs/payment-lifecycle.md for the transitions";
    return ApiException.illegalTransition(type.wireName(), state, detail);
  }

  /** Calls the bank and records what it said; the operation as recorded. */
  PaymentOperation send(LoadedAcquirer acquirer, Payment payment, PaymentOperation op) {
    OperationResult result = caller.operate(acquirer, request(payment, op, caller.deadline()));
    PaymentOperation outcome = apply(op, result);
    operations.settle(outcome);
    audit.record(op.type().wireName() + ".answered", outcome.status().name(),
        payment.merchantId(), payment.id(), acquirer.name() + ": " + result.outcome()
            + (result.message() == null ? "" : ": " + result.message()));
    return outcome;
  }

  /**
   * The stored outcome of an earlier request with the key. A Pending or Unknown one that cannot
   * still be in flight is looked up at the bank first.
   */
  private OperationOutcome replay(PaymentOperation earlier, String print) {
    if (!Objects.equals(earlier.requestFingerprint(), print)) {
      throw ApiException.idempotencyKeyReused();
    }
    PaymentOperation current = earlier;
    if (!earlier.status().isFinal() && !inFlight.contains(earlier.id())
        && earlier.createdAt().isBefore(clock.instant().minus(staleAfter))) {
      current = resolve(earlier);
    }
    if (current.status() == OperationStatus.Pending) {
      throw ApiException.idempotencyInFlight();
    }
    Payment payment = payments.find(current.merchantId(), current.paymentId()).orElseThrow();
    return new OperationOutcome(current, detailOf(payment), true);
  }

  /**
   * Asks the bank what became of an operation whose outcome is not final and records the answer.
   * A look-up that proves nothing leaves a Pending operation Unknown (its call is over).
   *
   * @return the operation as stored afterwards
   */
  public PaymentOperation resolve(PaymentOperation op) {
    Optional<LoadedAcquirer> acquirer = acquirers.find(op.acquirer());
    Payment payment = payments.find(op.merchantId(), op.paymentId()).orElseThrow();
    OperationResult looked = acquirer.isEmpty()
        ? OperationResult.unknown("acquirer " + op.acquirer() + " is not loaded")
        : caller.operationStatus(acquirer.get(), request(payment, op, caller.deadline()));
    PaymentOperation next = apply(op, looked);
    if (next.status() != op.status() && operations.settle(next)) {
      audit.record(op.type().wireName() + ".reconciled", next.status().name(), op.merchantId(),
          op.paymentId(), looked.outcome() + " at " + op.acquirer());
    }
    return operations.find(op.id()).orElse(next);
  }

  /**
   * Sends a technical cancel of a payment whose authorisation may or may not have reached the
   * bank, stored first like any operation.
   *
   * @return the cancel as recorded, or empty when the payment's state no longer allows one
   */
  public Optional<PaymentOperation> cancel(Payment payment, LoadedAcquirer acquirer) {
    PaymentOperation pending = PaymentOperation.pending(Ids.newId(), payment,
        OperationType.Cancel, payment.amount(), now(), null, null);
    if (operations.admit(pending).verdict() != Admission.Verdict.ADMITTED) {
      return Optional.empty();
    }
    return Optional.of(send(acquirer, payment, pending));
  }

  /** The payment's latest technical cancel, if one was sent. */
  Optional<PaymentOperation> latestCancel(Payment payment) {
    List<PaymentOperation> all = operations.forPayment(payment.id());
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).type() == OperationType.Cancel) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }

  /** Operations whose outcome is not final, created before {@code before}, due at {@code now}. */
  List<UnresolvedOperation> unresolved(Instant before, Instant now, int limit) {
    return operations.findUnresolved(before, now, limit);
  }

  /** Leases an unresolved operation to {@code owner}: whether it holds it now. */
  boolean lease(UUID id, String owner, Instant now, Instant until) {
    return operations.lease(id, owner, now, until);
  }

  /** Counts a look-up that did not settle the operation, and when to look again. */
  void postpone(UUID id, int lookUps, Instant after) {
    operations.postpone(id, lookUps, after);
  }

  private PaymentOperation apply(PaymentOperation op, OperationResult r) {
    Instant at = now();
    switch (r.outcome()) {
      case DONE:
        return op.withOutcome(OperationStatus.Succeeded, at, r.bankReference(), null);
      case REFUSED:
        return op.withOutcome(OperationStatus.Declined, at, null, r.reasonCode());
      case NOT_PROCESSED:
        return op.withOutcome(OperationStatus.Failed, at, null, ACQUIRER_UNAVAILABLE);
      case UNKNOWN:
      default:
        return op.withOutcome(OperationStatus.Unknown, at, null, OUTCOME_UNKNOWN);
    }
  }

  private static OperationRequest request(Payment p, PaymentOperation op, Instant deadline) {
    OperationRequest.Builder<? extends OperationRequest> b;
    switch (op.type()) {
      case Capture:
        b = CaptureRequest.builder();
        break;
      case Void:
        b = VoidRequest.builder();
        break;
      case Refund:
        b = RefundRequest.builder();
        break;
      default:
        b = CancelRequest.builder();
    }
    return b.operationReference(op.reference())
        .paymentReference(p.id().toString())
        .merchantId(p.merchantId().toString())
        .amount(op.amount().minor(), op.amount().currency())
        .deadline(deadline)
        .build();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
