package io.paygate.gateway.core;

/**
 * Where a payment stands. The names are the wire names. The first five are the authorisation's
 * outcome, as before V6; the others follow from captures, voids and refunds of an authorised
 * payment ({@code isFinal} speaks of the authorisation: none of them is reconciled).
 */
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
  Unknown(false),
  /** Authorised, and part of the amount captured (more may be captured). Since V6. */
  PartiallyCaptured(true),
  /** Authorised and captured in full. */
  Captured(true),
  /** Authorised and released without any capture. */
  Voided(true),
  /** Captured, and part of what was captured refunded (more may be refunded). */
  PartiallyRefunded(true),
  /** Everything captured was refunded. */
  Refunded(true);

  private final boolean isFinal;

  PaymentStatus(boolean isFinal) {
    this.isFinal = isFinal;
  }

  /** Whether the status can no longer change. */
  public boolean isFinal() {
    return isFinal;
  }
}
