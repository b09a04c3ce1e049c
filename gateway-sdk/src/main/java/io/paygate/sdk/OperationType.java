package io.paygate.sdk;

/** What an operation on a payment does. */
public enum OperationType {
  CAPTURE("capture"),
  VOID("void"),
  REFUND("refund"),
  /** A technical cancel the gateway sent itself, for a payment its bank said it never saw. */
  CANCEL("cancel");

  private final String wireName;

  OperationType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the REST API, such as {@code "refund"}. */
  public String wireName() {
    return wireName;
  }

  /** @throws IllegalArgumentException if no type has that name. */
  public static OperationType fromWireName(String wireName) {
    for (OperationType t : values()) {
      if (t.wireName.equalsIgnoreCase(wireName)) return t;
    }
    throw new IllegalArgumentException("unknown operation type: " + wireName);
  }
}
