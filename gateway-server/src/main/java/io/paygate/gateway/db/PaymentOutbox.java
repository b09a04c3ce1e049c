package io.paygate.gateway.db;

import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.WebhookEventType;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where {@link PaymentRepository} announces a recorded outcome, inside the transaction that
 * records it, so that the announcement exists exactly when the outcome does. Declared here and
 * implemented above (the webhook outbox), so that storage never depends on the services that use
 * it.
 */
public interface PaymentOutbox {
  /**
   * Builds the announcement of {@code p}'s outcome (its body, its ids) on the caller's thread,
   * before the transaction: the group commit's one writer thread, which every payment waits for,
   * then only inserts it (BENCHMARKS.md, "Quiet re-runs": the JSON and ids took 4% of that thread).
   *
   * @return null when nothing would be written (no endpoint wants this type): no work at all
   */
  Announcement prepare(Payment p, WebhookEventType type);

  /** Called after the commit of a transaction that wrote an announcement; returns at once. */
  void committed();

  /** A built announcement, to write inside the transaction that records the outcome. */
  interface Announcement {
    /** Writes it on {@code c}, the transaction's connection: no commit, roll back or close. */
    void writeTo(Connection c) throws SQLException;
  }
}
