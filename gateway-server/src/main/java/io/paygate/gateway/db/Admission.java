package io.paygate.gateway.db;

import io.paygate.gateway.core.PaymentBalance;
import io.paygate.gateway.core.PaymentStatus;

/**
 * Whether a new operation was admitted (its amount reserved and its row stored, in one
 * transaction), and if not, why, with the payment as it stood.
 *
 * @param current the payment's status when the operation was refused
 * @param balance the payment's totals when the operation was refused
 */
public record Admission(Verdict verdict, PaymentStatus current, PaymentBalance balance) {

  /** What became of the request. */
  public enum Verdict {
    /** Reserved and stored as Pending. */
    ADMITTED,
    /** The payment's state does not allow the operation (409). */
    ILLEGAL_STATE,
    /** The amount is more than remains to capture or refund (422). */
    OVER_REMAINING,
    /** The merchant's idempotency key was taken meanwhile by a concurrent request. */
    DUPLICATE_KEY
  }

  static Admission admitted() {
    return new Admission(Verdict.ADMITTED, null, null);
  }
}
