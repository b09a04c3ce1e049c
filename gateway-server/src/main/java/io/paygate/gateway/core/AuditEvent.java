package io.paygate.gateway.core;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit entry. Never holds a secret or card data: {@code detail} is built by the gateway from
 * codes and identifiers only, and is truncated to fit the column.
 *
 * @param event what happened: {@code login}, {@code payment.answered}, …
 * @param outcome {@code success}, {@code failure}, or a payment status
 */
public record AuditEvent(
    Instant at, UUID merchantId, String event, String outcome, UUID paymentId, String requestId,
    String origin, String detail) {

  public AuditEvent {
    if (detail != null && detail.length() > 500) {
      detail = detail.substring(0, 500);
    }
  }
}
