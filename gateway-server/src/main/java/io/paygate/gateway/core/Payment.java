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
 *
 * <p>Built by name: {@link #pending()} for a new payment, {@link #builder()} for one read back,
 * {@code with...} for a change; the canonical constructor is what they call.
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

  /**
   * A payment about to be stored, before any bank is called: status {@code Pending}, no outcome
   * yet. Set its fields by name, then {@link Builder#build()}.
   */
  public static Builder pending() {
    return new Builder().status(PaymentStatus.Pending);
  }

  /** A payment in any state, every field by name (what a row mapper reads back). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this payment's fields, to change some of them by name. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The same payment with the outcome of the bank call. */
  public Payment withOutcome(
      PaymentStatus newStatus, Instant at, String newAcquirerStatus, String newAcquirerReference,
      String newErrorCode) {
    return toBuilder()
        .status(newStatus)
        .processedAt(newStatus.isFinal() ? at : processedAt)
        .acquirerStatus(newAcquirerStatus)
        .acquirerReference(newAcquirerReference)
        .errorCode(newErrorCode)
        .build();
  }

  /** The same payment in another status (as read beside its totals). */
  public Payment withStatus(PaymentStatus newStatus) {
    return toBuilder().status(newStatus).build();
  }

  /** The same payment, to be sent to another acquirer (failover). */
  public Payment withAcquirer(String newAcquirer) {
    return toBuilder().acquirer(newAcquirer).build();
  }

  /**
   * Builds a {@link Payment} by name. {@link #build()} refuses a payment without its identity,
   * status, card holder, masked card number, amount, creation time or acquirer; the outcome
   * fields, the idempotency key and its fingerprint are optional (null when absent).
   */
  public static final class Builder {
    private UUID id;
    private UUID merchantId;
    private PaymentStatus status;
    private String cardHolderName;
    private String cardNumberMasked;
    private int expiryMonth;
    private int expiryYear;
    private Money amount;
    private Instant createdAt;
    private Instant processedAt;
    private String acquirer;
    private String acquirerStatus;
    private String acquirerReference;
    private String errorCode;
    private String idempotencyKey;
    private String requestFingerprint;

    private Builder() {}

    private Builder(Payment p) {
      id = p.id;
      merchantId = p.merchantId;
      status = p.status;
      cardHolderName = p.cardHolderName;
      cardNumberMasked = p.cardNumberMasked;
      expiryMonth = p.expiryMonth;
      expiryYear = p.expiryYear;
      amount = p.amount;
      createdAt = p.createdAt;
      processedAt = p.processedAt;
      acquirer = p.acquirer;
      acquirerStatus = p.acquirerStatus;
      acquirerReference = p.acquirerReference;
      errorCode = p.errorCode;
      idempotencyKey = p.idempotencyKey;
      requestFingerprint = p.requestFingerprint;
    }

    public Builder id(UUID id) {
      this.id = id;
      return this;
    }

    public Builder merchantId(UUID merchantId) {
      this.merchantId = merchantId;
      return this;
    }

    public Builder status(PaymentStatus status) {
      this.status = status;
      return this;
    }

    public Builder cardHolderName(String cardHolderName) {
      this.cardHolderName = cardHolderName;
      return this;
    }

    /** The card number as kept: masked, never the full number. */
    public Builder cardNumberMasked(String cardNumberMasked) {
      this.cardNumberMasked = cardNumberMasked;
      return this;
    }

    /** Expiry month (1–12) and four-digit year. */
    public Builder expiry(int month, int year) {
      this.expiryMonth = month;
      this.expiryYear = year;
      return this;
    }

    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** When the payment reached a final status; null while it has not. */
    public Builder processedAt(Instant processedAt) {
      this.processedAt = processedAt;
      return this;
    }

    public Builder acquirer(String acquirer) {
      this.acquirer = acquirer;
      return this;
    }

    public Builder acquirerStatus(String acquirerStatus) {
      this.acquirerStatus = acquirerStatus;
      return this;
    }

    public Builder acquirerReference(String acquirerReference) {
      this.acquirerReference = acquirerReference;
      return this;
    }

    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    /** The merchant's {@code Idempotency-Key} and the request's fingerprint; both or neither. */
    public Builder idempotency(String idempotencyKey, String requestFingerprint) {
      this.idempotencyKey = idempotencyKey;
      this.requestFingerprint = requestFingerprint;
      return this;
    }

    /** @throws IllegalStateException when a required field is missing, naming it */
    public Payment build() {
      require(id, "id");
      require(merchantId, "merchantId");
      require(status, "status");
      require(cardHolderName, "cardHolderName");
      require(cardNumberMasked, "cardNumberMasked");
      require(amount, "amount");
      require(createdAt, "createdAt");
      require(acquirer, "acquirer");
      return new Payment(id, merchantId, status, cardHolderName, cardNumberMasked, expiryMonth,
          expiryYear, amount, createdAt, processedAt, acquirer, acquirerStatus,
          acquirerReference, errorCode, idempotencyKey, requestFingerprint);
    }

    private static void require(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + " == null");
      }
    }
  }
}
