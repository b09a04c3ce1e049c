package io.paygate.sdk;

/**
 * Where a payment stands. Only {@link #PENDING} and {@link #UNKNOWN} await the bank's answer to
 * the authorisation; the others are final answers to it. An authorised payment then moves on with
 * its captures, voids and refunds ({@link #PARTIALLY_CAPTURED} to {@link #REFUNDED}).
 */
public enum PaymentStatus {
  /** Stored by the gateway; the bank has not answered yet. */
  PENDING("Pending", false),
  /** The bank approved the payment. */
  AUTHORISED("Authorised", true),
  /** The bank refused the payment; {@link Payment#errorCode()} holds the bank's reason. */
  DECLINED("Declined", true),
  /**
   * The bank certainly did not act (it was unreachable, or answered an error that proves no charge
   * happened). Nothing was charged; {@link Payment#errorCode()} says why. Submitting again is safe.
   */
  FAILED("Failed", true),
  /**
   * The bank may have acted but did not answer in time. The gateway finds out by itself; ask again
   * later with {@link PaygateClient#refetch(Payment)}. Never treat this as a failure and charge
   * again with a new payment: that could charge the card twice.
   */
  UNKNOWN("Unknown", false),
  /** Authorised, and part of the amount captured; more may be ({@link PaygateClient#capture}). */
  PARTIALLY_CAPTURED("PartiallyCaptured", true),
  /** Authorised and captured in full. */
  CAPTURED("Captured", true),
  /** Authorised, then released without any capture ({@link PaygateClient#voidPayment}). */
  VOIDED("Voided", true),
  /** Captured, and part of it refunded; more may be ({@link PaygateClient#refund}). */
  PARTIALLY_REFUNDED("PartiallyRefunded", true),
  /** Everything captured was refunded. */
  REFUNDED("Refunded", true);

  /** values() copies its array on every call. */
  private static final PaymentStatus[] ALL = values();

  private final String wireName;
  private final boolean isFinal;

  PaymentStatus(String wireName, boolean isFinal) {
    this.wireName = wireName;
    this.isFinal = isFinal;
  }

  /** True if this status can no longer change. */
  public boolean isFinal() {
    return isFinal;
  }

  /** The name of this status in the REST API, such as {@code "Authorised"}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the status named {@code wireName} in the REST API (any case).
   *
   * @throws IllegalArgumentException if no status has that name.
   */
  public static PaymentStatus fromWireName(String wireName) {
    if (wireName == null) throw new NullPointerException("wireName == null");
    for (PaymentStatus status : ALL) {
      if (status.wireName.equalsIgnoreCase(wireName)) return status;
    }
    throw new IllegalArgumentException("unknown payment status: " + wireName);
  }
}
