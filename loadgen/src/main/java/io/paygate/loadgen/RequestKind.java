package io.paygate.loadgen;

/** What one request of the workload asks for, and the answer that counts as the expected one. */
public enum RequestKind {
  /** A valid payment with a card Piggy Bank authorises (odd last digit): 201, Authorised. */
  AUTHORISED,
  /** A valid payment with a card Piggy Bank declines (even last digit): 201, Declined. */
  DECLINED,
  /** A payment whose card number fails the Luhn check: 400 from the gateway, no bank call. */
  INVALID,
  /** The first page (50) of the merchant's history: 200. */
  HISTORY;

  /** The name used on the command line and in reports. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
