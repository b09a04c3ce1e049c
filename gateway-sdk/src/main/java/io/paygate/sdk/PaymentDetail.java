package io.paygate.sdk;

import java.util.List;
import java.util.Objects;

/**
 * A payment with its lifecycle: what was captured and refunded, what remains, and every capture,
 * void and refund, oldest first. What remains already counts operations whose outcome is not yet
 * known, so it is what can still be asked for.
 */
public final class PaymentDetail {
  private final Payment payment;
  private final Money captured;
  private final Money refunded;
  private final Money capturable;
  private final Money refundable;
  private final List<PaymentOperation> operations;

  /** For your own tests; the client builds these from the gateway's answers. */
  public PaymentDetail(Payment payment, Money captured, Money refunded, Money capturable,
      Money refundable, List<PaymentOperation> operations) {
    this.payment = Objects.requireNonNull(payment, "payment == null");
    this.captured = Objects.requireNonNull(captured, "captured == null");
    this.refunded = Objects.requireNonNull(refunded, "refunded == null");
    this.capturable = Objects.requireNonNull(capturable, "capturable == null");
    this.refundable = Objects.requireNonNull(refundable, "refundable == null");
    this.operations = List.copyOf(operations);
  }

  public Payment payment() { return payment; }
  public Money captured() { return captured; }
  public Money refunded() { return refunded; }
  /** What may still be captured. */
  public Money capturable() { return capturable; }
  /** What may still be refunded. */
  public Money refundable() { return refundable; }
  public List<PaymentOperation> operations() { return operations; }

  @Override public String toString() {
    return "PaymentDetail{" + payment.id() + ", " + payment.status().wireName() + ", captured="
        + captured + ", refunded=" + refunded + ", operations=" + operations.size() + "}";
  }
}
