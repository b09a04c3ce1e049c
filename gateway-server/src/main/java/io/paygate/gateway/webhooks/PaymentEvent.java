package io.paygate.gateway.webhooks;

import io.paygate.gateway.api.JsonWritable;
import io.paygate.gateway.core.WebhookEventType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event about one payment, to be appended to the outbox: its type, the payment it is about
 * (events of one payment reach an endpoint in the order they were appended), when it happened,
 * and the resource the merchant receives as {@code data} (masked card number only).
 *
 * @param type what happened
 * @param paymentId the payment the event is about (for a refund or capture: its payment)
 * @param occurredAt when the state changed
 * @param data the resource as the REST API shows it
 */
public record PaymentEvent(WebhookEventType type, UUID paymentId, Instant occurredAt,
    JsonWritable data) {
  public PaymentEvent {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(paymentId, "paymentId == null");
    Objects.requireNonNull(occurredAt, "occurredAt == null");
    Objects.requireNonNull(data, "data == null");
  }
}
