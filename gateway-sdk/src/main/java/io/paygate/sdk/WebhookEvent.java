package io.paygate.sdk;

import java.time.Instant;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * An event the gateway sent to your webhook endpoint, verified by {@link Webhooks#verify}.
 *
 * <p>Events arrive at least once: the same event may come again (after a timeout, or replayed by
 * the operator) with the same {@link #id()}, so keep the ids you processed and skip repeats. Events
 * of one payment arrive in the order they happened.
 */
public final class WebhookEvent {
  private final String id;
  private final String type;
  private final Instant createdAt;
  private final @Nullable Payment payment;
  private final @Nullable PaymentOperation operation;
  private final @Nullable PaymentDetail paymentDetail;
  private final String dataJson;

  private WebhookEvent(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id == null");
    this.type = Objects.requireNonNull(b.type, "type == null");
    this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt == null");
    this.operation = b.operation;
    this.paymentDetail = b.paymentDetail;
    this.payment = b.payment != null || b.paymentDetail == null ? b.payment
        : b.paymentDetail.payment();
    this.dataJson = Objects.requireNonNull(b.dataJson, "dataJson == null");
  }

  /** The event's id ({@code evt_...}): the same on every delivery of this event. */
  public String id() {
    return id;
  }

  /**
   * What happened: {@code payment.authorised}, {@code payment.declined}, {@code payment.failed},
   * {@code payment.unknown}, {@code payment.settled}, or {@code capture.*}, {@code refund.*},
   * {@code void.*} with {@code succeeded}, {@code declined}, {@code failed} or {@code unknown}.
   * A string, not an enum: a newer gateway may send types this SDK does not know yet.
   */
  public String type() {
    return type;
  }

  /** When the state changed. */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * The payment as it stood then: for {@code payment.*} events, and for {@code capture.*},
   * {@code refund.*} and {@code void.*} events the operation's payment; null for types this SDK
   * does not know.
   */
  public @Nullable Payment payment() {
    return payment;
  }

  /**
   * The capture, refund or void the event is about, with the outcome it announces, for
   * {@code capture.*}, {@code refund.*} and {@code void.*} events; null for the others.
   */
  public @Nullable PaymentOperation operation() {
    return operation;
  }

  /**
   * The operation's payment with its totals, remaining amounts and operations, as
   * {@link PaygateClient} reads it, for {@code capture.*}, {@code refund.*} and {@code void.*}
   * events; null for the others.
   */
  public @Nullable PaymentDetail paymentDetail() {
    return paymentDetail;
  }

  /** The event's {@code data} object as JSON, for the types this SDK does not model. */
  public String dataJson() {
    return dataJson;
  }

  @Override
  public String toString() {
    return "WebhookEvent{id=" + id + ", type=" + type + ", createdAt=" + createdAt + "}";
  }

  /** Builds events, for your own tests. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String type;
    private @Nullable Instant createdAt;
    private @Nullable Payment payment;
    private @Nullable PaymentOperation operation;
    private @Nullable PaymentDetail paymentDetail;
    private String dataJson = "{}";

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder payment(@Nullable Payment payment) {
      this.payment = payment;
      return this;
    }

    public Builder operation(@Nullable PaymentOperation operation) {
      this.operation = operation;
      return this;
    }

    /** The operation's payment; also {@link WebhookEvent#payment()} unless that is set. */
    public Builder paymentDetail(@Nullable PaymentDetail paymentDetail) {
      this.paymentDetail = paymentDetail;
      return this;
    }

    public Builder dataJson(String dataJson) {
      this.dataJson = dataJson;
      return this;
    }

    public WebhookEvent build() {
      return new WebhookEvent(this);
    }
  }
}
