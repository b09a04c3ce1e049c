package io.paygate.gateway.core;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A merchant's webhook endpoint as stored.
 *
 * @param secret the signing secret in force
 * @param previousSecret the secret before the last rotation, still signing until
 *     {@code previousSecretExpires}; null when none
 * @param consecutiveFailures failed attempts in a row (any event), reset by a success
 * @param failingSince when the current run of failures began; null when the last attempt succeeded
 */
public record WebhookEndpoint(
    UUID id,
    UUID merchantId,
    String url,
    Set<WebhookEventType> events,
    String secret,
    String previousSecret,
    Instant previousSecretExpires,
    boolean enabled,
    String disabledReason,
    int consecutiveFailures,
    Instant failingSince,
    Instant createdAt) {

  /** The secrets that sign at {@code now}: the current one first. */
  public java.util.List<String> signingSecrets(Instant now) {
    if (previousSecret != null && previousSecretExpires != null
        && now.isBefore(previousSecretExpires)) {
      return java.util.List.of(secret, previousSecret);
    }
    return java.util.List.of(secret);
  }
}
