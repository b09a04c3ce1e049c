package io.paygate.sdk;

import java.util.Objects;

/**
 * The answer to a capture, void or refund: the operation (check {@link PaymentOperation#status()}:
 * a decline is an answer, not an exception) and its payment as it stands after it.
 */
public final class OperationResult {
  private final PaymentOperation operation;
  private final PaymentDetail payment;
  private final boolean replayed;
  private final String idempotencyKey;

  /** For your own tests; the client builds these from the gateway's answers. */
  public OperationResult(PaymentOperation operation, PaymentDetail payment, boolean replayed,
      String idempotencyKey) {
    this.operation = Objects.requireNonNull(operation, "operation == null");
    this.payment = Objects.requireNonNull(payment, "payment == null");
    this.replayed = replayed;
    this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey == null");
  }

  public PaymentOperation operation() { return operation; }
  public PaymentDetail payment() { return payment; }
  /** True if the gateway answered the stored outcome of an earlier call with the same key. */
  public boolean replayed() { return replayed; }
  /** The key the call was sent with: send it again to learn an unknown outcome. */
  public String idempotencyKey() { return idempotencyKey; }

  @Override public String toString() {
    return "OperationResult{" + operation + ", " + payment + (replayed ? ", replayed" : "") + "}";
  }
}
