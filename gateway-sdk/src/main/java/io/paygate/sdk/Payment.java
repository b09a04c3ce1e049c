package io.paygate.sdk;

import io.paygate.sdk.internal.Redactor;
import java.time.Instant;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * A payment as the gateway keeps it. Submitting returns one whatever the bank said: check
 * {@link #status()}. A decline is an answer, not an error, so it is never thrown.
 *
 * <pre>{@code
 * Payment payment = client.submit(request);
 * switch (payment.status()) {
 *   case AUTHORISED -> ship(order);
 *   case DECLINED, FAILED -> askForAnotherCard(payment.errorCode());
 *   case UNKNOWN, PENDING -> checkLater(payment.id());   // client.refetch(payment) later
 * }
 * }</pre>
 *
 * <p>The card number is masked by the gateway (first six and last four digits at most). The
 * builder exists so that you can make payments in your own tests.
 */
public final class Payment {
  private final String id;
  private final @Nullable String merchantId;
  private final PaymentStatus status;
  private final Money amount;
  private final @Nullable String cardHolderName;
  private final @Nullable String cardNumber;
  private final int expiryMonth;
  private final int expiryYear;
  private final @Nullable Instant createdAt;
  private final @Nullable Instant processedAt;
  private final boolean processed;
  private final @Nullable String acquirer;
  private final @Nullable String acquirerStatus;
  private final @Nullable String acquirerReference;
  private final @Nullable String errorCode;
  private final @Nullable String requestId;
  private final boolean replayed;

  private Payment(Builder builder) {
    this.id = builder.id;
    this.merchantId = builder.merchantId;
    this.status = builder.status;
    this.amount = builder.amount;
    this.cardHolderName = builder.cardHolderName;
    this.cardNumber = builder.cardNumber;
    this.expiryMonth = builder.expiryMonth;
    this.expiryYear = builder.expiryYear;
    this.createdAt = builder.createdAt;
    this.processedAt = builder.processedAt;
    this.processed = builder.processed;
    this.acquirer = builder.acquirer;
    this.acquirerStatus = builder.acquirerStatus;
    this.acquirerReference = builder.acquirerReference;
    this.errorCode = builder.errorCode;
    this.requestId = builder.requestId;
    this.replayed = builder.replayed;
  }

  /** The gateway's id of this payment; {@link PaygateClient#payment(String)} fetches it. */
  public String id() {
    return id;
  }

  public @Nullable String merchantId() {
    return merchantId;
  }

  public PaymentStatus status() {
    return status;
  }

  /** True if {@link #status()} can no longer change. */
  public boolean isFinal() {
    return status.isFinal();
  }

  public Money amount() {
    return amount;
  }

  public @Nullable String cardHolderName() {
    return cardHolderName;
  }

  /** The masked card number, such as {@code "424242******4242"}, as the gateway returns it. */
  public @Nullable String cardNumber() {
    return cardNumber;
  }

  public int expiryMonth() {
    return expiryMonth;
  }

  public int expiryYear() {
    return expiryYear;
  }

  public @Nullable Instant createdAt() {
    return createdAt;
  }

  /** When the bank's answer was recorded, or null while there is none. */
  public @Nullable Instant processedAt() {
    return processedAt;
  }

  /** True once the gateway recorded a final outcome. */
  public boolean processed() {
    return processed;
  }

  /** The name of the acquirer plug-in that handled the payment, such as {@code "PiggyBank"}. */
  public @Nullable String acquirer() {
    return acquirer;
  }

  /** What the bank said, in its own words. */
  public @Nullable String acquirerStatus() {
    return acquirerStatus;
  }

  /** The bank's reference of the transaction, when it gave one. */
  public @Nullable String acquirerReference() {
    return acquirerReference;
  }

  /** Why the payment was declined or failed, as the bank or the gateway put it; null otherwise. */
  public @Nullable String errorCode() {
    return errorCode;
  }

  /** The {@code X-Request-Id} of the response this payment came in, for support requests. */
  public @Nullable String requestId() {
    return requestId;
  }

  /**
   * True if the gateway answered a retry with the outcome it stored the first time
   * ({@code Idempotent-Replayed: true}): the card was charged at most once.
   */
  public boolean replayed() {
    return replayed;
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * Two payments are equal when they hold the same data: the same payment fetched twice, and not
   * changed in between, is equal to itself. {@link #requestId()} and {@link #replayed()} describe
   * the answer the payment came in, not the payment, and are left out.
   */
  @Override public boolean equals(Object o) {
    if (!(o instanceof Payment)) return false;
    Payment that = (Payment) o;
    return id.equals(that.id)
        && Objects.equals(merchantId, that.merchantId)
        && status == that.status
        && amount.equals(that.amount)
        && Objects.equals(cardHolderName, that.cardHolderName)
        && Objects.equals(cardNumber, that.cardNumber)
        && expiryMonth == that.expiryMonth
        && expiryYear == that.expiryYear
        && Objects.equals(createdAt, that.createdAt)
        && Objects.equals(processedAt, that.processedAt)
        && processed == that.processed
        && Objects.equals(acquirer, that.acquirer)
        && Objects.equals(acquirerStatus, that.acquirerStatus)
        && Objects.equals(acquirerReference, that.acquirerReference)
        && Objects.equals(errorCode, that.errorCode);
  }

  @Override public int hashCode() {
    return Objects.hash(id, status, amount, processedAt);
  }

  /** Shows the id, status, amount and the card number masked as the gateway masks it. */
  @Override public String toString() {
    return "Payment{id=" + id
        + ", status=" + status
        + ", amount=" + amount
        + ", card=" + Redactor.maskCardNumber(cardNumber)
        + (errorCode != null ? ", errorCode=" + errorCode : "")
        + (replayed ? ", replayed" : "")
        + "}";
  }

  public static final class Builder {
    private @Nullable String id;
    private @Nullable String merchantId;
    private @Nullable PaymentStatus status;
    private @Nullable Money amount;
    private @Nullable String cardHolderName;
    private @Nullable String cardNumber;
    private int expiryMonth;
    private int expiryYear;
    private @Nullable Instant createdAt;
    private @Nullable Instant processedAt;
    private boolean processed;
    private @Nullable String acquirer;
    private @Nullable String acquirerStatus;
    private @Nullable String acquirerReference;
    private @Nullable String errorCode;
    private @Nullable String requestId;
    private boolean replayed;

    public Builder() {
    }

    Builder(Payment payment) {
      this.id = payment.id;
      this.merchantId = payment.merchantId;
      this.status = payment.status;
      this.amount = payment.amount;
      this.cardHolderName = payment.cardHolderName;
      this.cardNumber = payment.cardNumber;
      this.expiryMonth = payment.expiryMonth;
      this.expiryYear = payment.expiryYear;
      this.createdAt = payment.createdAt;
      this.processedAt = payment.processedAt;
      this.processed = payment.processed;
      this.acquirer = payment.acquirer;
      this.acquirerStatus = payment.acquirerStatus;
      this.acquirerReference = payment.acquirerReference;
      this.errorCode = payment.errorCode;
      this.requestId = payment.requestId;
      this.replayed = payment.replayed;
    }

    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    public Builder merchantId(@Nullable String merchantId) {
      this.merchantId = merchantId;
      return this;
    }

    public Builder status(PaymentStatus status) {
      this.status = Objects.requireNonNull(status, "status == null");
      return this;
    }

    public Builder amount(Money amount) {
      this.amount = Objects.requireNonNull(amount, "amount == null");
      return this;
    }

    public Builder cardHolderName(@Nullable String cardHolderName) {
      this.cardHolderName = cardHolderName;
      return this;
    }

    /** The masked card number; never put a full card number here. */
    public Builder cardNumber(@Nullable String cardNumber) {
      this.cardNumber = cardNumber;
      return this;
    }

    public Builder expiryMonth(int expiryMonth) {
      this.expiryMonth = expiryMonth;
      return this;
    }

    public Builder expiryYear(int expiryYear) {
      this.expiryYear = expiryYear;
      return this;
    }

    public Builder createdAt(@Nullable Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder processedAt(@Nullable Instant processedAt) {
      this.processedAt = processedAt;
      return this;
    }

    public Builder processed(boolean processed) {
      this.processed = processed;
      return this;
    }

    public Builder acquirer(@Nullable String acquirer) {
      this.acquirer = acquirer;
      return this;
    }

    public Builder acquirerStatus(@Nullable String acquirerStatus) {
      this.acquirerStatus = acquirerStatus;
      return this;
    }

    public Builder acquirerReference(@Nullable String acquirerReference) {
      this.acquirerReference = acquirerReference;
      return this;
    }

    public Builder errorCode(@Nullable String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    public Builder requestId(@Nullable String requestId) {
      this.requestId = requestId;
      return this;
    }

    public Builder replayed(boolean replayed) {
      this.replayed = replayed;
      return this;
    }

    /** @throws IllegalStateException if the id, the status or the amount is missing. */
    public Payment build() {
      if (id == null) throw new IllegalStateException("id required");
      if (status == null) throw new IllegalStateException("status required");
      if (amount == null) throw new IllegalStateException("amount required");
      return new Payment(this);
    }
  }
}
