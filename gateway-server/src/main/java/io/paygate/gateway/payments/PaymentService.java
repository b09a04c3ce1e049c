package io.paygate.gateway.payments;

import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.Card;
import io.paygate.acquirer.spi.Operation;
import io.paygate.gateway.acquirer.AcquirerCaller;
import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.acquirer.LoadedAcquirer;
import io.paygate.gateway.acquirer.TimedAuthorisation;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.core.Ids;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.db.DuplicateKeyException;
import io.paygate.gateway.db.PaymentRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import io.paygate.gateway.metrics.PaymentMetrics;
import io.paygate.gateway.validation.CardNumbers;
import io.paygate.gateway.validation.CaptureField;
import io.paygate.gateway.validation.ValidatedPayment;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * The payment flow: validate, honour the idempotency key, store the payment as {@code Pending}
 * before any bank is called, ask the merchant's acquirers in order until one may have processed
 * it, record the outcome.
 *
 * <p>Failover goes to the next acquirer only after a result that proves the payment was not
 * processed (unreachable, 503, circuit open); after an unknown outcome never, since the first bank
 * may have charged the card. Every attempt uses the payment's reference, which each bank treats as
 * its idempotency key.
 */
public final class PaymentService {
  private final PaymentRepository payments;
  private final AcquirerRegistry acquirers;
  private final AcquirerCaller caller;
  private final RequestFingerprint fingerprint;
  private final AuditLog audit;
  private final InFlightPayments inFlight;
  private final Reconciler reconciler;
  private final Clock clock;
  private final PaymentMetrics metrics;
  private final OperationService operations;

  /**
   * @param inFlight where payments being sent are tracked, for reconciliation and shutdown
   * @param reconciler looks up a replayed payment whose outcome is not final; null for none
   * @param metrics where each new payment's outcome and times are recorded
   * @param operations captures what a {@code "capture": true} request authorised; null when the
   *     gateway takes no such requests (the flag then answers 400)
   */
  public PaymentService(PaymentRepository payments,
      AcquirerRegistry acquirers, AcquirerCaller caller, RequestFingerprint fingerprint,
      AuditLog audit, InFlightPayments inFlight, Reconciler reconciler, Clock clock,
      PaymentMetrics metrics, OperationService operations) {
    this.operations = operations;
    this.payments = payments;
    this.acquirers = acquirers;
    this.caller = caller;
    this.fingerprint = fingerprint;
    this.audit = audit;
    this.inFlight = inFlight;
    this.reconciler = reconciler;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Processes one payment request of a merchant.
   *
   * @param paymentRequest the request, validated at the edge
   * @param idempotencyKey the merchant's key, or null
   * @throws io.paygate.gateway.errors.ValidationException on {@code capture} when this gateway
   *     does not capture
   * @throws ApiException 409 while the first request with the key is in flight, 422 when the key
   *     was used for another request
   */
  public ProcessedPayment process(Merchant merchant, PaymentRequest paymentRequest,
      String idempotencyKey) {
    long received = System.nanoTime();
    ValidatedPayment request = paymentRequest.payment();
    boolean capture = paymentRequest.capture();
    if (capture && operations == null) {
      throw ValidationException.of(CaptureField.NAME, "this gateway does not capture");
    }
    if (capture) {
      for (String name : merchant.acquirers()) {
        if (acquirers.find(name).map(a -> !a.supports(Operation.CAPTURE)).orElse(false)) {
          // Refused before any bank is asked, rather than authorised and left uncaptured.
          throw ApiException.operationNotSupported("capture", canonicalName(name));
        }
      }
    }
    String requestFingerprint =
        idempotencyKey == null ? null : fingerprint.of(request, capture);
    if (idempotencyKey != null) {
      Optional<Payment> earlier = payments.findByIdempotencyKey(merchant.id(), idempotencyKey);
      if (earlier.isPresent()) {
        return replay(earlier.get(), requestFingerprint);
      }
    }
    UUID id = Ids.newId();
    // Cleared with the rest of the request's logging context when the exchange ends.
    MDC.put("paymentId", id.toString());
    if (!inFlight.enter(id)) {
      throw ApiException.unavailable("the gateway is shutting down and takes no new payments;"
          + " retry shortly (with the same Idempotency-Key)");
    }
    try {
      ProcessedPayment authorised =
          processNew(id, merchant, request, idempotencyKey, requestFingerprint, received);
      if (!capture || authorised.replayed()
          || authorised.payment().status() != PaymentStatus.Authorised) {
        return authorised;
      }
      // Authorise then capture: the capture is an operation like any other, stored first.
      OperationOutcome captured = operations.captureInFull(authorised.payment());
      if (captured == null) {
        return authorised;
      }
      return new ProcessedPayment(captured.payment().payment(), false, authorised.bankTimes(),
          captured.operation().status());
    } finally {
      inFlight.exit(id);
    }
  }

  private ProcessedPayment processNew(UUID id, Merchant merchant, ValidatedPayment request,
      String idempotencyKey, String requestFingerprint, long received) {
    List<String> route = merchant.acquirers();
    Instant now = now();
    Payment pending = Payment.pending()
        .id(id)
        .merchantId(merchant.id())
        .cardHolderName(request.cardHolderName())
        .cardNumberMasked(CardNumbers.mask(request.cardNumber()))
        .expiry(request.expiryMonth(), request.expiryYear())
        .amount(request.amount())
        .createdAt(now)
        .acquirer(canonicalName(route.get(0)))
        .idempotency(idempotencyKey, requestFingerprint)
        .build();
    try {
      payments.insert(pending);
    } catch (DuplicateKeyException e) {
      // A concurrent request with the same key won the insert.
      return replay(payments.findByIdempotencyKey(merchant.id(), idempotencyKey).orElseThrow(),
          requestFingerprint);
    }
    // No payment.received audit row: the row just stored, durably, is that record (SECURITY.md).

    // One deadline for every attempt: a Pending payment older than it plus a margin is abandoned.
    Instant deadline = caller.deadline();
    Payment current = pending;
    AuthorisationResult result = null;
    Instant sentAt = null;
    List<BankTime> bankTimes = new ArrayList<>(1);
    for (int i = 0; i < route.size(); i++) {
      if (i > 0) {
        // Failover, only after an attempt that certainly did not process the payment.
        if (!clock.instant().isBefore(deadline)) {
          break;
        }
        String next = canonicalName(route.get(i));
        // Written before the call: after a crash, reconciliation asks this bank.
        if (!payments.routeTo(id, next)) {
          break;
        }
        audit.record("payment.failover", "Pending", merchant.id(), id,
            current.acquirer() + " did not process it (" + result.message() + "); trying " + next);
        current = current.withAcquirer(next);
      }
      Attempt attempt = attempt(merchant, current, request, deadline, bankTimes);
      result = attempt.result();
      sentAt = attempt.sentAt() != null ? attempt.sentAt() : sentAt;
      if (result.outcome() != AuthorisationResult.Outcome.NOT_PROCESSED) {
        break;
      }
    }
    Payment outcome = OutcomeMapper.apply(current, result, now());
    if (!payments.recordOutcome(outcome, sentAt)) {
      // Reconciliation settled it first; its answer is the one on record.
      outcome = payments.find(merchant.id(), pending.id()).orElse(outcome);
    }
    metrics.paid(outcome.status(), outcome.acquirer(), outcome.amount().currency(),
        System.nanoTime() - received);
    return new ProcessedPayment(outcome, false, bankTimes);
  }

  /** An attempt's result, and when it was sent (null when there was no acquirer to send it to). */
  private record Attempt(AuthorisationResult result, Instant sentAt) {}

  /** One acquirer's attempt; its time at the bank, if it reached it, goes to {@code bankTimes}. */
  private Attempt attempt(Merchant merchant, Payment p, ValidatedPayment request,
      Instant deadline, List<BankTime> bankTimes) {
    Optional<LoadedAcquirer> acquirer = acquirers.find(p.acquirer());
    if (acquirer.isEmpty()) {
      return new Attempt(
          AuthorisationResult.notProcessed("acquirer " + p.acquirer() + " is not loaded"), null);
    }
    // No payment.sent audit row: the send time goes on the payment row with the outcome.
    Instant sentAt = now();
    TimedAuthorisation timed = caller.authorise(acquirer.get(),
        bankRequest(merchant, p, request, deadline));
    if (timed.reachedBank()) {
      bankTimes.add(new BankTime(acquirer.get().name(), timed.bankNanos()));
    }
    AuthorisationResult result = timed.result();
    if (timed.reachedBank()) {
      metrics.bankTime(acquirer.get().name(), result.outcome().name(), timed.bankNanos());
    }
    PaymentStatus status = OutcomeMapper.apply(p, result, p.createdAt()).status();
    audit.record("payment.answered", status.name(), merchant.id(), p.id(),
        acquirer.get().name() + ": " + result.outcome()
            + (result.message() == null ? "" : ": " + result.message()));
    return new Attempt(result, sentAt);
  }

  private String canonicalName(String acquirer) {
    return acquirers.find(acquirer).map(LoadedAcquirer::name).orElse(acquirer);
  }

  /**
   * The stored outcome. A payment left Pending or Unknown is first looked up at its bank, when no
   * call of it can still be in flight: after a crash, the merchant's retry learns the one true
   * outcome instead of "in flight" or "unknown".
   */
  private ProcessedPayment replay(Payment earlier, String requestFingerprint) {
    MDC.put("paymentId", earlier.id().toString());
    if (!Objects.equals(earlier.requestFingerprint(), requestFingerprint)) {
      throw ApiException.idempotencyKeyReused();
    }
    Payment current = reconciler != null && reconciler.isDue(earlier)
        ? reconciler.resolve(earlier) : earlier;
    if (current.status() == PaymentStatus.Pending) {
      throw ApiException.idempotencyInFlight();
    }
    return ProcessedPayment.replayOf(current);
  }

  private AuthorisationRequest bankRequest(Merchant merchant, Payment p, ValidatedPayment r,
      Instant deadline) {
    return AuthorisationRequest.builder()
        .paymentReference(p.id().toString())
        .merchantId(merchant.id().toString())
        .merchantName(merchant.name())
        .card(new Card(r.cardNumber(), r.cvv(), r.expiryMonth(), r.expiryYear(), r.cardHolderName()))
        .amount(p.amount().minor(), p.amount().currency())
        .deadline(deadline)
        .build();
  }

  /** One payment of a merchant. */
  public Optional<Payment> find(UUID merchantId, UUID paymentId) {
    return payments.find(merchantId, paymentId);
  }

  /** Database columns keep microseconds; so do we, so that a history cursor round-trips. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
