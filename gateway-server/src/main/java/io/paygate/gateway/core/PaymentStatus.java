package io.paygate.gateway.core;

/** Where a payment stands. The names are the wire names. */
public enum PaymentStatus {
  /** Stored, the bank has not answered yet. */
  Pending(false),
  /** The bank approved. */
  Authorised(true),
  /** The bank refused; the reason is the payment's error code. */
  Declined(true),
  /** The bank certainly did not act: nothing was charged. */
  Failed(true),
  /** The bank may have acted but did not answer; reconciliation will find out. */
  Unknown(false);

  private final boolean isFinal;

  PaymentStatus(boolean isFinal) {
    this.isFinal = isFinal;
  }

  /** Whether the status can no longer change. */
  public boolean isFinal() {
    return isFinal;
  }
}
