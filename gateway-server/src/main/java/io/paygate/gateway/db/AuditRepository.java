package io.paygate.gateway.db;

import io.paygate.gateway.core.AuditEntry;
import io.paygate.gateway.core.AuditEvent;
import io.paygate.gateway.core.AuditQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The append-only audit table: rows are inserted, never updated or deleted. Given a {@link
 * GroupCommitWriter}, a batch of rows joins the next group of payment writes instead of paying for
 * a commit of its own: on H2 every commit serialises each page it changed, and the audit writer,
 * committing as fast as it could, doubled the commits the database made.
 */
public final class AuditRepository {
  private static final String INSERT = "INSERT INTO audit_events (occurred_at, merchant_id, event,"
      + " outcome, payment_id, request_id, origin, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private final DataSource db;
  private final GroupCommitWriter writer;

  public AuditRepository(DataSource db) {
    this(db, null);
  }

  /** Appends through {@code writer} (group commit) when not null; reads straight from {@code db}. */
  public AuditRepository(DataSource db, GroupCommitWriter writer) {
    this.db = db;
    this.writer = writer;
  }

  /** Appends events in one batch and one transaction. */
  public void append(List<AuditEvent> events) {
    try {
      if (writer != null) {
        writer.execute(c -> insert(c, events));
        return;
      }
      try (Connection c = db.getConnection()) {
        c.setAutoCommit(false);
        try {
          insert(c, events);
          c.commit();
        } catch (SQLException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot append audit events", e);
    }
  }

  private static Void insert(Connection c, List<AuditEvent> events) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
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
    }
    return null;
  }

  /** One page of entries, newest first, filtered as the query says. */
  public List<AuditEntry> page(AuditQuery q) {
    StringBuilder sql = new StringBuilder("SELECT id, occurred_at, merchant_id, event, outcome,"
        + " payment_id, request_id, origin, detail FROM audit_events WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    condition(sql, params, " AND merchant_id = ?", q.merchantId());
    condition(sql, params, " AND event = ?", q.event());
    condition(sql, params, " AND outcome = ?", q.outcome());
    condition(sql, params, " AND occurred_at >= ?", q.from());
    condition(sql, params, " AND occurred_at < ?", q.to());
    condition(sql, params, " AND id < ?", q.beforeId());
    sql.append(" ORDER BY id DESC LIMIT ").append(q.limit());
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i) instanceof java.time.Instant t) {
          Jdbc.setInstant(ps, i + 1, t);
        } else {
          ps.setObject(i + 1, params.get(i));
        }
      }
      List<AuditEntry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new AuditEntry(rs.getLong("id"), new AuditEvent(
              Jdbc.getInstant(rs, "occurred_at"), Jdbc.getUuid(rs, "merchant_id"),
              rs.getString("event"), rs.getString("outcome"), Jdbc.getUuid(rs, "payment_id"),
              rs.getString("request_id"), rs.getString("origin"), rs.getString("detail"))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DataAccessException("cannot read audit events", e);
    }
  }

  private static void condition(StringBuilder sql, List<Object> params, String clause,
      Object value) {
    if (value != null) {
      sql.append(clause);
      params.add(value);
    }
  }
}
