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
public interface OperationChanges {
  /** Ignores every change. */
  OperationChanges NONE = new OperationChanges() {
    @Override
    public boolean changed(Connection c, PaymentOperation op) {
      return false;
    }
  };

  /**
   * @param c the transaction's connection; do not commit, roll back or close it
   * @param op the operation as it now stands
   * @return whether something was written that wants {@link #committed()} once the transaction
   *     has committed
   */
  boolean changed(Connection c, PaymentOperation op) throws SQLException;

  /**
   * Called after the commit of a transaction in which {@link #changed} returned true (never when
   * it rolled back); must return at once.
   */
  default void committed() {}
}
