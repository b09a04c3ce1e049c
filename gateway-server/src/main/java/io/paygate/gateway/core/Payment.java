package io.paygate.gateway.core;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment as stored. Holds no card data beyond the masked number.
 *
 * @param acquirerStatus what the bank said, in its words ({@code "Authorised"}, a decline reason)
 * @param acquirerReference the bank's reference of the transaction, when it gave one
 * @param errorCode why the payment did not succeed: the bank's decline reason, or the gateway's
 *     code when the bank was not reached
 * @param idempotencyKey the merchant's {@code Idempotency-Key}, if any
 * @param requestFingerprint keyed hash of the request, to tell a replay from a key reuse
 */
public record Payment(
    UUID id,
    UUID merchantId,
    PaymentStatus status,
    String cardHolderName,
    String cardNumberMasked,
    int expiryMonth,
    int expiryYear,
    Money amount,
    Instant createdAt,
    Instant processedAt,
    String acquirer,
    String acquirerStatus,
    String acquirerReference,
    String errorCode,
    String idempotencyKey,
    String requestFingerprint) {

  /** The same payment with the outcome of the bank call. */
  public Payment withOutcome(
      PaymentStatus newStatus, Instant at, String newAcquirerStatus, String newAcquirerReference,
      String newErrorCode) {
    return new Payment(id, merchantId, newStatus, cardHolderName, cardNumberMasked, expiryMonth,
        expiryYear, amount, createdAt, newStatus.isFinal() ? at : processedAt, acquirer,
        newAcquirerStatus, newAcquirerReference, newErrorCode, idempotencyKey, requestFingerprint);
  }

  /** The same payment in another status (as read beside its totals). */
  public Payment withStatus(PaymentStatus newStatus) {
    return new Payment(id, merchantId, newStatus, cardHolderName, cardNumberMasked, expiryMonth,
        expiryYear, amount, createdAt, processedAt, acquirer, acquirerStatus, acquirerReference,
        errorCode, idempotencyKey, requestFingerprint);
  }

  /** The same payment, to be sent to another acquirer (failover). */
  public Payment withAcquirer(String newAcquirer) {
    return new Payment(id, merchantId, status, cardHolderName, cardNumberMasked, expiryMonth,
        expiryYear, amount, createdAt, processedAt, newAcquirer, acquirerStatus, acquirerReference,
        errorCode, idempotencyKey, requestFingerprint);
  }
}
