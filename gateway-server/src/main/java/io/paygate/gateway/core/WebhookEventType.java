package io.paygate.gateway.core;

import java.util.Optional;

/**
 * Every event a merchant can subscribe to, by its wire name (docs/webhooks.md). The payment events
 * come from authorisation and reconciliation; capture, refund and void events from the payment
 * lifecycle, each with the four outcomes an operation at a bank can have.
 */
public enum WebhookEventType {
  PAYMENT_AUTHORISED("payment.authorised"),
  PAYMENT_DECLINED("payment.declined"),
  PAYMENT_FAILED("payment.failed"),
  PAYMENT_UNKNOWN("payment.unknown"),
  /** A payment whose outcome was not final got one from reconciliation. */
  PAYMENT_SETTLED("payment.settled"),
  CAPTURE_SUCCEEDED("capture.succeeded"),
  CAPTURE_DECLINED("capture.declined"),
  CAPTURE_FAILED("capture.failed"),
  CAPTURE_UNKNOWN("capture.unknown"),
  REFUND_SUCCEEDED("refund.succeeded"),
  REFUND_DECLINED("refund.declined"),
  REFUND_FAILED("refund.failed"),
  REFUND_UNKNOWN("refund.unknown"),
  VOID_SUCCEEDED("void.succeeded"),
  VOID_DECLINED("void.declined"),
  VOID_FAILED("void.failed"),
  VOID_UNKNOWN("void.unknown");

  private final String wireName;

  WebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire and in subscriptions, such as {@code payment.authorised}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The event of an outcome the bank's answer gave; null for {@code Pending} (no event) and for the
   * states captures, voids and refunds lead to, which are never an authorisation's outcome (their
   * operations have events of their own: capture.*, void.*, refund.*).
   */
  public static WebhookEventType ofOutcome(PaymentStatus status) {
    return switch (status) {
      case Authorised -> PAYMENT_AUTHORISED;
      case Declined -> PAYMENT_DECLINED;
      case Failed -> PAYMENT_FAILED;
      case Unknown -> PAYMENT_UNKNOWN;
      case Pending, PartiallyCaptured, Captured, Voided, PartiallyRefunded, Refunded -> null;
    };
  }

  /** The event of an outcome reconciliation found: final ones settle the payment. */
  public static WebhookEventType ofReconciliation(PaymentStatus status) {
    return status.isFinal() ? PAYMENT_SETTLED : ofOutcome(status);
  }

  /** The type with this wire name. */
  public static Optional<WebhookEventType> fromWireName(String name) {
    for (WebhookEventType t : values()) {
      if (t.wireName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
