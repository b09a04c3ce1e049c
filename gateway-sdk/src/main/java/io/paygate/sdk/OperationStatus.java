package io.paygate.sdk;

/** Where a capture, void or refund stands. */
public enum OperationStatus {
  /** Stored by the gateway; the bank has not answered yet. */
  PENDING("Pending", false),
  /** The bank carried it out. */
  SUCCEEDED("Succeeded", true),
  /** The bank refused it; {@link PaymentOperation#errorCode()} holds its reason. */
  DECLINED("Declined", true),
  /** The bank certainly did not act; asking again (with a new idempotency key) is safe. */
  FAILED("Failed", true),
  /**
   * The bank may have acted but did not answer in time; the amount stays reserved and the gateway
   * finds out by itself. Never send it again with a new key: that could refund twice.
   */
  UNKNOWN("Unknown", false);

  private final String wireName;
  private final boolean isFinal;

  OperationStatus(String wireName, boolean isFinal) {
    this.wireName = wireName;
    this.isFinal = isFinal;
  }

  public boolean isFinal() {
    return isFinal;
  }

  public String wireName() {
    return wireName;
  }

  /** @throws IllegalArgumentException if no status has that name. */
  public static OperationStatus fromWireName(String wireName) {
    for (OperationStatus s : values()) {
      if (s.wireName.equalsIgnoreCase(wireName)) return s;
    }
    throw new IllegalArgumentException("unknown operation status: " + wireName);
  }
}
