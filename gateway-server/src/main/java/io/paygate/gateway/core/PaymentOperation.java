package io.paygate.gateway.core;

import java.time.Instant;
import java.util.UUID;

/**
 * A capture, void, refund or cancel of a payment, as stored.
 *
 * @param acquirer the acquirer it was sent to: the payment's
 * @param acquirerReference the bank's reference of the operation, when done
 * @param errorCode the bank's refusal reason, or the gateway's code when the bank was not reached
 * @param idempotencyKey the merchant's {@code Idempotency-Key}, if any
 * @param requestFingerprint keyed hash of the request, to tell a replay from a key reuse
 */
public record PaymentOperation(
    UUID id,
    UUID paymentId,
    UUID merchantId,
    OperationType type,
    OperationStatus status,
    Money amount,
    Instant createdAt,
    Instant processedAt,
    String acquirer,
    String acquirerReference,
    String errorCode,
    String idempotencyKey,
    String requestFingerprint) {

  /** A new operation, stored before its bank call. */
  public static PaymentOperation pending(UUID id, Payment payment, OperationType type,
      Money amount, Instant now, String idempotencyKey, String requestFingerprint) {
    return new PaymentOperation(id, payment.id(), payment.merchantId(), type,
        OperationStatus.Pending, amount, now, null, payment.acquirer(), null, null,
        idempotencyKey, requestFingerprint);
  }

  /** The same operation with the bank's outcome. */
  public PaymentOperation withOutcome(
      OperationStatus newStatus, Instant at, String newAcquirerReference, String newErrorCode) {
    return new PaymentOperation(id, paymentId, merchantId, type, newStatus, amount, createdAt,
        newStatus.isFinal() ? at : processedAt, acquirer, newAcquirerReference, newErrorCode,
        idempotencyKey, requestFingerprint);
  }

  /** The reference the bank knows the operation by: its id. */
  public String reference() {
    return id.toString();
  }
}
