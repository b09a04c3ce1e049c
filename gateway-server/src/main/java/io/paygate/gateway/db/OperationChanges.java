package io.paygate.gateway.db;

import io.paygate.gateway.core.PaymentOperation;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told of every state change of an operation (stored as Pending, then each outcome), inside the
 * transaction that makes the change and on its connection: whatever it writes commits or rolls
 * back with the change. The seam for a transactional outbox (webhooks): an event row inserted here
 * exists exactly when the change does.
 */
@FunctionalInterface
public interface OperationChanges {
  /** Ignores every change. */
  OperationChanges NONE = (c, op) -> {};

  /**
   * @param c the transaction's connection; do not commit, roll back or close it
   * @param op the operation as it now stands
   */
  void changed(Connection c, PaymentOperation op) throws SQLException;
}
