package io.paygate.gateway.core;

/**
 * A payment's running totals, in minor units of its currency. "Reserved" counts what is done plus
 * what is in flight or unknown, so that what remains is what no request can take twice.
 */
public record PaymentBalance(
    long captured, long captureReserved, long refunded, long refundReserved) {

  public static final PaymentBalance NONE = new PaymentBalance(0, 0, 0, 0);

  /** What may still be captured: nothing unless the payment is authorised and not voided. */
  public long capturable(Payment p) {
    return p.status() == PaymentStatus.Authorised || p.status() == PaymentStatus.PartiallyCaptured
        ? Math.max(0, p.amount().minor() - captureReserved) : 0;
  }

  /** What may still be refunded: what was captured, less refunds done, in flight or unknown. */
  public long refundable(Payment p) {
    return p.status() == PaymentStatus.Voided ? 0 : Math.max(0, captured - refundReserved);
  }
}
