package io.paygate.gateway.db;

import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.WebhookEventType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Where {@link PaymentRepository} announces a recorded outcome, inside the transaction that
 * records it, so that the announcement exists exactly when the outcome does. Declared here and
 * implemented above (the webhook outbox), so that storage never depends on the services that use
 * it.
 */
public interface PaymentOutbox {
  /** Whether anything would be written for this merchant and type: when not, nothing is built. */
  boolean wants(UUID merchantId, WebhookEventType type);

  /**
   * Writes the announcement of {@code p}'s outcome on {@code c}, the transaction's connection: no
   * commit, roll back or close.
   */
  void append(Connection c, Payment p, WebhookEventType type) throws SQLException;

  /** Called after the commit of a transaction that appended something; returns at once. */
  void committed();
}
