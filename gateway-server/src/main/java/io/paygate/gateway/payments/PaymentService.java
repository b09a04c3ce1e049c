package io.paygate.gateway.payments;

import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.Card;
import io.paygate.gateway.acquirer.AcquirerCaller;
import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.acquirer.LoadedAcquirer;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.core.Ids;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.db.DuplicateKeyException;
import io.paygate.gateway.db.PaymentRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.validation.CardNumbers;
import io.paygate.gateway.validation.PaymentRequestValidator;
import io.paygate.gateway.validation.ValidatedPayment;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment flow: validate, honour the idempotency key, store the payment as {@code Pending}
 * before any bank is called, ask the merchant's acquirer, record the outcome.
 */
public final class PaymentService {
  private final PaymentRequestValidator validator;
  private final PaymentRepository payments;
  private final AcquirerRegistry acquirers;
  private final AcquirerCaller caller;
  private final RequestFingerprint fingerprint;
  private final AuditLog audit;
  private final Clock clock;

  public PaymentService(PaymentRequestValidator validator, PaymentRepository payments,
      AcquirerRegistry acquirers, AcquirerCaller caller, RequestFingerprint fingerprint,
      AuditLog audit, Clock clock) {
    this.validator = validator;
    this.payments = payments;
    this.acquirers = acquirers;
    this.caller = caller;
    this.fingerprint = fingerprint;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Processes one payment request of a merchant.
   *
   * @param body the request body, keys in lower case
   * @param idempotencyKey the merchant's key, or null
   * @throws io.paygate.gateway.errors.ValidationException when fields are invalid
   * @throws ApiException 409 while the first request with the key is in flight, 422 when the key
   *     was used for another request
   */
  public ProcessedPayment process(Merchant merchant, Map<String, Object> body, String idempotencyKey) {
    ValidatedPayment request = validator.validate(body);
    String requestFingerprint = idempotencyKey == null ? null : fingerprint.of(request);
    if (idempotencyKey != null) {
      Optional<Payment> earlier = payments.findByIdempotencyKey(merchant.id(), idempotencyKey);
      if (earlier.isPresent()) {
        return replay(earlier.get(), requestFingerprint);
      }
    }

    Optional<LoadedAcquirer> acquirer = acquirers.find(merchant.acquirer());
    Instant now = now();
    Payment pending = new Payment(Ids.newId(), merchant.id(), PaymentStatus.Pending,
        request.cardHolderName(), CardNumbers.mask(request.cardNumber()), request.expiryMonth(),
        request.expiryYear(), request.amount(), now, null,
        acquirer.map(LoadedAcquirer::name).orElse(merchant.acquirer()), null, null, null,
        idempotencyKey, requestFingerprint);
    try {
      payments.insert(pending);
    } catch (DuplicateKeyException e) {
      // A concurrent request with the same key won the insert.
      return replay(payments.findByIdempotencyKey(merchant.id(), idempotencyKey).orElseThrow(),
          requestFingerprint);
    }
    audit.record("payment.received", "Pending", merchant.id(), pending.id(),
        pending.amount() + " via " + pending.acquirer());

    Payment outcome;
    if (acquirer.isEmpty()) {
      outcome = OutcomeMapper.apply(pending,
          AuthorisationResult.notProcessed("acquirer not loaded"), now());
    } else {
      audit.record("payment.sent", "Pending", merchant.id(), pending.id(), acquirer.get().name());
      AuthorisationResult result = caller.authorise(acquirer.get(), bankRequest(merchant, pending, request));
      outcome = OutcomeMapper.apply(pending, result, now());
      audit.record("payment.answered", outcome.status().name(), merchant.id(), pending.id(),
          result.outcome() + (result.message() == null ? "" : ": " + result.message()));
    }
    if (!payments.recordOutcome(outcome)) {
      // Reconciliation settled it first; its answer is the one on record.
      outcome = payments.find(merchant.id(), pending.id()).orElse(outcome);
    }
    return new ProcessedPayment(outcome, false);
  }

  private ProcessedPayment replay(Payment earlier, String requestFingerprint) {
    if (!Objects.equals(earlier.requestFingerprint(), requestFingerprint)) {
      throw ApiException.idempotencyKeyReused();
    }
    if (earlier.status() == PaymentStatus.Pending) {
      throw ApiException.idempotencyInFlight();
    }
    return new ProcessedPayment(earlier, true);
  }

  private AuthorisationRequest bankRequest(Merchant merchant, Payment p, ValidatedPayment r) {
    return AuthorisationRequest.builder()
        .paymentReference(p.id().toString())
        .merchantId(merchant.id().toString())
        .merchantName(merchant.name())
        .card(new Card(r.cardNumber(), r.cvv(), r.expiryMonth(), r.expiryYear(), r.cardHolderName()))
        .amount(p.amount().minor(), p.amount().currency())
        .deadline(caller.deadline())
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
