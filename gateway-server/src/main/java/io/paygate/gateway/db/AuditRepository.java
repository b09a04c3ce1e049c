package io.paygate.gateway.db;

import io.paygate.gateway.audit.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** The append-only audit table: rows are inserted, never updated or deleted. */
public final class AuditRepository {
  private final DataSource db;

  public AuditRepository(DataSource db) {
    this.db = db;
  }

  /** Appends events in one batch and one transaction. */
  public void append(List<AuditEvent> events) {
    String sql = "INSERT INTO audit_events (occurred_at, merchant_id, event, outcome, payment_id,"
        + " request_id, origin, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (AuditEvent e : events) {
          Jdbc.setInstant(ps, 1, e.at());
          Jdbc.setUuid(ps, 2, e.merchantId());
          ps.setString(3, e.event());
          ps.setString(4, e.outcome());
          Jdbc.setUuid(ps, 5, e.paymentId());
          ps.setString(6, e.requestId());
          ps.setString(7, e.origin());
          ps.setString(8, e.detail());
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot append audit events", e);
    }
  }
}
