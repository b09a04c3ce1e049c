package io.paygate.gateway.webhooks;

import io.paygate.gateway.api.PaymentJson;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.core.WebhookEventType;
import java.time.Instant;

/** The events of the authorisation path: one per outcome recorded. */
public final class PaymentEvents {
  private PaymentEvents() {}

  /**
   * The event of an outcome the bank's answer gave; null for {@code Pending} (no event) and for the
   * states captures, voids and refunds lead to, which are never an authorisation's outcome (their
   * operations have events of their own: capture.*, void.*, refund.*).
   */
  public static WebhookEventType typeOf(PaymentStatus status) {
    return switch (status) {
      case Authorised -> WebhookEventType.PAYMENT_AUTHORISED;
      case Declined -> WebhookEventType.PAYMENT_DECLINED;
      case Failed -> WebhookEventType.PAYMENT_FAILED;
      case Unknown -> WebhookEventType.PAYMENT_UNKNOWN;
      case Pending, PartiallyCaptured, Captured, Voided, PartiallyRefunded, Refunded -> null;
    };
  }

  /** The event of an outcome reconciliation found: final ones settle the payment. */
  public static WebhookEventType reconciled(PaymentStatus status) {
    return status.isFinal() ? WebhookEventType.PAYMENT_SETTLED : typeOf(status);
  }

  /** The event, carrying the payment resource as the REST API shows it (masked card only). */
  public static PaymentEvent of(WebhookEventType type, Payment p) {
    // An Unknown payment has no processedAt (it is not processed yet): the event is of now.
    Instant at = p.processedAt() != null ? p.processedAt() : Instant.now();
    return new PaymentEvent(type, p.id(), at, new PaymentJson(p));
  }
}
