package io.paygate.sdk;

import java.time.Instant;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * A capture, void, refund or cancel of a payment, as the gateway keeps it. Built by the client;
 * the builder exists so that you can make operations in your own tests.
 */
public final class PaymentOperation {
  private final String id;
  private final String paymentId;
  private final OperationType type;
  private final OperationStatus status;
  private final Money amount;
  private final @Nullable Instant createdAt;
  private final @Nullable Instant processedAt;
  private final @Nullable String acquirerReference;
  private final @Nullable String errorCode;

  private PaymentOperation(Builder b) {
    this.id = b.id;
    this.paymentId = b.paymentId;
    this.type = b.type;
    this.status = b.status;
    this.amount = b.amount;
    this.createdAt = b.createdAt;
    this.processedAt = b.processedAt;
    this.acquirerReference = b.acquirerReference;
    this.errorCode = b.errorCode;
  }

  public String id() { return id; }
  public String paymentId() { return paymentId; }
  public OperationType type() { return type; }
  public OperationStatus status() { return status; }
  /** The amount; for a void, the authorisation it released. */
  public Money amount() { return amount; }
  public @Nullable Instant createdAt() { return createdAt; }
  public @Nullable Instant processedAt() { return processedAt; }
  /** The bank's reference of the operation, when it succeeded. */
  public @Nullable String acquirerReference() { return acquirerReference; }
  /** Why it did not succeed: the bank's reason, or the gateway's code. */
  public @Nullable String errorCode() { return errorCode; }

  @Override public String toString() {
    return "PaymentOperation{" + type.wireName() + " " + id + ", " + status.wireName() + ", "
        + amount + (errorCode != null ? ", errorCode=" + errorCode : "") + "}";
  }

  /** Builds a {@link PaymentOperation}; id, payment id, type, status and amount are required. */
  public static final class Builder {
    private String id;
    private String paymentId;
    private OperationType type;
    private OperationStatus status;
    private Money amount;
    private @Nullable Instant createdAt;
    private @Nullable Instant processedAt;
    private @Nullable String acquirerReference;
    private @Nullable String errorCode;

    public Builder id(String id) { this.id = Objects.requireNonNull(id, "id == null"); return this; }
    public Builder paymentId(String paymentId) {
      this.paymentId = Objects.requireNonNull(paymentId, "paymentId == null");
      return this;
    }
    public Builder type(OperationType type) { this.type = Objects.requireNonNull(type, "type == null"); return this; }
    public Builder status(OperationStatus status) {
      this.status = Objects.requireNonNull(status, "status == null");
      return this;
    }
    public Builder amount(Money amount) { this.amount = Objects.requireNonNull(amount, "amount == null"); return this; }
    public Builder createdAt(@Nullable Instant createdAt) { this.createdAt = createdAt; return this; }
    public Builder processedAt(@Nullable Instant processedAt) { this.processedAt = processedAt; return this; }
    public Builder acquirerReference(@Nullable String reference) { this.acquirerReference = reference; return this; }
    public Builder errorCode(@Nullable String errorCode) { this.errorCode = errorCode; return this; }

    public PaymentOperation build() {
      if (id == null) throw new IllegalStateException("id required");
      if (paymentId == null) throw new IllegalStateException("paymentId required");
      if (type == null) throw new IllegalStateException("type required");
      if (status == null) throw new IllegalStateException("status required");
      if (amount == null) throw new IllegalStateException("amount required");
      return new PaymentOperation(this);
    }
  }
}
