package io.paygate.gateway.core;

import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to deliver an event.
 *
 * @param statusCode the receiver's HTTP status; null when no answer came
 * @param error why it failed, null on success
 */
public record WebhookAttempt(
    long id,
    UUID deliveryId,
    UUID endpointId,
    String eventId,
    String eventType,
    Instant attemptedAt,
    Integer statusCode,
    long durationMillis,
    String error) {}
