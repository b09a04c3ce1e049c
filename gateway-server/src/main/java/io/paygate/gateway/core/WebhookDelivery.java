package io.paygate.gateway.core;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one endpoint: a row of the outbox.
 *
 * @param attempts attempts made so far
 * @param payload the body sent, exactly as signed
 */
public record WebhookDelivery(
    UUID id,
    String eventId,
    WebhookEventType eventType,
    UUID endpointId,
    UUID merchantId,
    UUID paymentId,
    String payload,
    Instant createdAt,
    int attempts) {}
