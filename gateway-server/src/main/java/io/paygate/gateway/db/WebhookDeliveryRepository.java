package io.paygate.gateway.db;

import io.paygate.gateway.core.WebhookAttempt;
import io.paygate.gateway.core.WebhookDelivery;
import io.paygate.gateway.core.WebhookEventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The webhook outbox ({@code webhook_deliveries}) and its attempts. Rows are appended on the
 * connection of the state change that caused them ({@link #insert}); everything else runs on
 * connections of its own, off the payment path.
 */
public final class WebhookDeliveryRepository {
  private static final String COLUMNS = "id, event_id, event_type, endpoint_id, merchant_id,"
      + " payment_id, payload, created_at, attempts";

  private final DataSource db;
  private final GroupCommitWriter writer;

  /**
   * @param writer when not null, each attempt's bookkeeping joins the payments' group commit
   *     (measured in BENCHMARKS.md: commits of their own for every attempt slowed payments)
   */
  public WebhookDeliveryRepository(DataSource db, GroupCommitWriter writer) {
    this.db = db;
    this.writer = writer;
  }

  /** What an attempt leads to. */
  public enum Next { DELIVERED, RETRY, GIVE_UP }

  /**
   * One attempt and its consequence for the delivery.
   *
   * @param attempts the delivery's attempts, this one included
   * @param statusCode the receiver's status, null when none came
   * @param error why it failed; null when delivered
   * @param nextAttemptAt when {@code next} is RETRY
   */
  public record AttemptResult(Instant at, Integer statusCode, long millis, String error,
      int attempts, Next next, Instant nextAttemptAt) {}

  /** Records the attempt and moves the delivery on, in one transaction. */
  public void recordAttempt(WebhookDelivery d, AttemptResult r) {
    GroupCommitWriter.Write<Void> write = c -> {
      insertAttempt(c, d, r.at(), r.statusCode(), r.millis(), r.error());
      String sql = switch (r.next()) {
        case DELIVERED -> "UPDATE webhook_deliveries SET status = 'Delivered', attempts = ?,"
            + " delivered_at = ?, lease_until = NULL, last_error = ? WHERE id = ?";
        case RETRY -> "UPDATE webhook_deliveries SET attempts = ?, next_attempt_at = ?,"
            + " lease_until = NULL, last_error = ? WHERE id = ?";
        case GIVE_UP -> "UPDATE webhook_deliveries SET status = 'Failed', attempts = ?,"
            + " next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ?";
      };
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setInt(1, r.attempts());
        Jdbc.setInstant(ps, 2, r.next() == Next.RETRY ? r.nextAttemptAt() : r.at());
        ps.setString(3, r.error());
        Jdbc.setUuid(ps, 4, d.id());
        ps.executeUpdate();
      }
      return null;
    };
    try {
      if (writer != null) {
        writer.execute(write);
        return;
      }
      try (Connection c = db.getConnection()) {
        c.setAutoCommit(false);
        try {
          write.apply(c);
          c.commit();
        } catch (SQLException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot record a webhook attempt", e);
    }
  }

  /** Appends a delivery on the caller's connection, inside the caller's transaction. */
  public static void insert(Connection c, WebhookDelivery d) throws SQLException {
    String sql = "INSERT INTO webhook_deliveries (id, event_id, event_type, endpoint_id,"
        + " merchant_id, payment_id, payload, created_at, status, attempts, next_attempt_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Pending', 0, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, d.id());
      ps.setString(2, d.eventId());
      ps.setString(3, d.eventType().wireName());
      Jdbc.setUuid(ps, 4, d.endpointId());
      Jdbc.setUuid(ps, 5, d.merchantId());
      Jdbc.setUuid(ps, 6, d.paymentId());
      ps.setString(7, d.payload());
      Jdbc.setInstant(ps, 8, d.createdAt());
      Jdbc.setInstant(ps, 9, d.createdAt());
      ps.executeUpdate();
    }
  }

  /**
   * Leases up to {@code limit} due deliveries until {@code leaseUntil}: pending, due, to an
   * enabled endpoint, not leased by anyone, and with no earlier undelivered event of the same
   * payment to the same endpoint (per-payment order). A row another node leased first is left
   * to it.
   */
  public List<WebhookDelivery> claim(Instant now, Instant leaseUntil, int limit) {
    String select = "SELECT " + COLUMNS + " FROM webhook_deliveries d"
        + " WHERE d.status = 'Pending' AND d.next_attempt_at <= ?"
        + " AND (d.lease_until IS NULL OR d.lease_until < ?)"
        // EXISTS, not endpoint_id IN (...): with IN, H2 walked the endpoint's index and read every
        // row the endpoint ever had (delivered ones too) on each claim (BENCHMARKS.md).
        + " AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = d.endpoint_id"
        + " AND e.enabled = TRUE AND e.deleted_at IS NULL)"
        + " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = d.endpoint_id"
        + " AND p.payment_id = d.payment_id AND p.seq < d.seq AND p.status = 'Pending')"
        // Exactly the order of the index (status, next_attempt_at), so that H2 walks the index
        // and stops after LIMIT rows. ORDER BY next_attempt_at, seq (not an index prefix) made it
        // read, test and sort every due row on each claim: under load, a claim cost grew with the
        // backlog and took half the gateway's CPU (BENCHMARKS.md, "Webhooks"). Per-payment order
        // does not rest on this ORDER BY but on the NOT EXISTS above.
        + " ORDER BY d.status, d.next_attempt_at LIMIT ?";
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<WebhookDelivery> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select)) {
          Jdbc.setInstant(ps, 1, now);
          Jdbc.setInstant(ps, 2, now);
          ps.setInt(3, limit);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              claimed.add(map(rs));
            }
          }
        }
        // The lease is taken by a conditional update, row by row: a row another node leased
        // meanwhile updates nothing and is left to it. (SELECT ... FOR UPDATE SKIP LOCKED did the
        // same but made H2 read and lock the whole backlog on each claim.)
        List<WebhookDelivery> leased = new ArrayList<>(claimed.size());
        if (!claimed.isEmpty()) {
          try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries"
              + " SET lease_until = ? WHERE id = ? AND status = 'Pending'"
              + " AND (lease_until IS NULL OR lease_until < ?)")) {
            // One batch: one round trip on PostgreSQL instead of one per row.
            for (WebhookDelivery d : claimed) {
              Jdbc.setInstant(ps, 1, leaseUntil);
              Jdbc.setUuid(ps, 2, d.id());
              Jdbc.setInstant(ps, 3, now);
              ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
              if (counts[i] == 1) {
                leased.add(claimed.get(i));
              }
            }
          }
        }
        c.commit();
        return leased;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot claim webhook deliveries", e);
    }
  }

  /**
   * The outbox's backlog: how many deliveries are pending and since when the longest-waiting one
   * has been due (null when none is). One walk of the {@code (status, next_attempt_at)} index, for
   * the metrics (never on the payment path). Deliveries to a disabled endpoint count: they wait
   * until it is enabled.
   */
  public DeliveryBacklog backlog() {
    String sql = "SELECT COUNT(*) AS n, MIN(next_attempt_at) AS oldest FROM webhook_deliveries"
        + " WHERE status = 'Pending'";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new DeliveryBacklog(rs.getLong("n"), Jdbc.getInstant(rs, "oldest"));
    } catch (SQLException e) {
      throw new DataAccessException("cannot count pending webhook deliveries", e);
    }
  }

  /** Pending deliveries, and the earliest time one of them fell due (null when none is pending). */
  public record DeliveryBacklog(long pending, Instant oldestDue) {}

  /** Another attempt at {@code next}. */
  public void retryAt(UUID id, int attempts, Instant next, String error) {
    update("UPDATE webhook_deliveries SET attempts = ?, next_attempt_at = ?, lease_until = NULL,"
        + " last_error = ? WHERE id = ?", ps -> {
          ps.setInt(1, attempts);
          Jdbc.setInstant(ps, 2, next);
          ps.setString(3, error);
          Jdbc.setUuid(ps, 4, id);
        });
  }

  /** No more attempts: left for an operator to replay. */
  public void giveUp(UUID id, int attempts, String error) {
    update("UPDATE webhook_deliveries SET status = 'Failed', attempts = ?, lease_until = NULL,"
        + " last_error = ? WHERE id = ?", ps -> {
          ps.setInt(1, attempts);
          ps.setString(2, error);
          Jdbc.setUuid(ps, 3, id);
        });
  }

  private static void insertAttempt(Connection c, WebhookDelivery d, Instant at,
      Integer statusCode, long millis, String error) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_attempts (delivery_id,"
        + " endpoint_id, event_id, event_type, attempted_at, status_code, duration_ms, error)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      Jdbc.setUuid(ps, 1, d.id());
      Jdbc.setUuid(ps, 2, d.endpointId());
      ps.setString(3, d.eventId());
      ps.setString(4, d.eventType().wireName());
      Jdbc.setInstant(ps, 5, at);
      if (statusCode == null) {
        ps.setNull(6, Types.INTEGER);
      } else {
        ps.setInt(6, statusCode);
      }
      ps.setLong(7, millis);
      ps.setString(8, error);
      ps.executeUpdate();
    }
  }

  /** An endpoint's attempts, newest first. */
  public List<WebhookAttempt> attempts(UUID endpointId, int limit) {
    String sql = "SELECT id, delivery_id, endpoint_id, event_id, event_type, attempted_at,"
        + " status_code, duration_ms, error FROM webhook_attempts WHERE endpoint_id = ?"
        + " ORDER BY endpoint_id DESC, id DESC LIMIT ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, endpointId);
      ps.setInt(2, limit);
      List<WebhookAttempt> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int code = rs.getInt("status_code");
          Integer status = rs.wasNull() ? null : code;
          out.add(new WebhookAttempt(rs.getLong("id"), Jdbc.getUuid(rs, "delivery_id"),
              Jdbc.getUuid(rs, "endpoint_id"), rs.getString("event_id"),
              rs.getString("event_type"), Jdbc.getInstant(rs, "attempted_at"), status,
              rs.getLong("duration_ms"), rs.getString("error")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DataAccessException("cannot read webhook attempts", e);
    }
  }

  /**
   * Sends an event again to every endpoint it went to that still exists, whether it was
   * delivered or given up.
   *
   * @return how many deliveries were queued again
   */
  public int replayEvent(String eventId, Instant now) {
    return updateCount("UPDATE webhook_deliveries SET status = 'Pending', attempts = 0,"
        + " next_attempt_at = ?, lease_until = NULL WHERE event_id = ?"
        + " AND status IN ('Delivered', 'Failed') AND endpoint_id IN"
        + " (SELECT id FROM webhook_endpoints WHERE deleted_at IS NULL)", ps -> {
          Jdbc.setInstant(ps, 1, now);
          ps.setString(2, eventId);
        });
  }

  /**
   * Queues an endpoint's given-up deliveries again, and makes its pending ones due now.
   *
   * @return how many deliveries are queued
   */
  public int replayEndpoint(UUID endpointId, Instant now) {
    return updateCount("UPDATE webhook_deliveries SET status = 'Pending', attempts = 0,"
        + " next_attempt_at = ?, lease_until = NULL WHERE endpoint_id = ?"
        + " AND status IN ('Pending', 'Failed')", ps -> {
          Jdbc.setInstant(ps, 1, now);
          Jdbc.setUuid(ps, 2, endpointId);
        });
  }

  /** Makes an endpoint's pending deliveries due now (after it is enabled again). */
  public void dueNow(UUID endpointId, Instant now) {
    updateCount("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE endpoint_id = ?"
        + " AND status = 'Pending'", ps -> {
          Jdbc.setInstant(ps, 1, now);
          Jdbc.setUuid(ps, 2, endpointId);
        });
  }

  private static WebhookDelivery map(ResultSet rs) throws SQLException {
    return new WebhookDelivery(
        Jdbc.getUuid(rs, "id"),
        rs.getString("event_id"),
        WebhookEventType.fromWireName(rs.getString("event_type")).orElseThrow(),
        Jdbc.getUuid(rs, "endpoint_id"),
        Jdbc.getUuid(rs, "merchant_id"),
        Jdbc.getUuid(rs, "payment_id"),
        rs.getString("payload"),
        Jdbc.getInstant(rs, "created_at"),
        rs.getInt("attempts"));
  }

  private void update(String sql, Jdbc.Binder binder) {
    Jdbc.update(db, "webhook deliveries", sql, binder);
  }

  private int updateCount(String sql, Jdbc.Binder binder) {
    return Jdbc.update(db, "webhook deliveries", sql, binder);
  }
}
