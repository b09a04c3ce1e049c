package io.paygate.gateway.webhooks;

import io.paygate.gateway.api.PaymentJson;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.WebhookEventType;
import java.time.Instant;

/**
 * The events of the authorisation path: one per outcome recorded. Which outcome gets which type is
 * {@link WebhookEventType#ofOutcome} and {@link WebhookEventType#ofReconciliation}.
 */
public final class PaymentEvents {
  private PaymentEvents() {}

  /** The event, carrying the payment resource as the REST API shows it (masked card only). */
  public static PaymentEvent of(WebhookEventType type, Payment p) {
    // An Unknown payment has no processedAt (it is not processed yet): the event is of now.
    Instant at = p.processedAt() != null ? p.processedAt() : Instant.now();
    return new PaymentEvent(type, p.id(), at, new PaymentJson(p));
  }
}
