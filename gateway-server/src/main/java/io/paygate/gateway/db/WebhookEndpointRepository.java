package io.paygate.gateway.db;

import io.paygate.gateway.core.WebhookEndpoint;
import io.paygate.gateway.core.WebhookEventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Webhook endpoints. Deleted ones are kept (their deliveries point to them) but never listed. */
public final class WebhookEndpointRepository {
  private static final String COLUMNS = "id, merchant_id, url, events, secret, previous_secret,"
      + " previous_secret_expires, enabled, disabled_reason, consecutive_failures, failing_since,"
      + " created_at";

  private final DataSource db;

  public WebhookEndpointRepository(DataSource db) {
    this.db = db;
  }

  public void insert(WebhookEndpoint e) {
    String sql = "INSERT INTO webhook_endpoints (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
        + " ?, ?, ?, ?)";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, e.id());
      Jdbc.setUuid(ps, 2, e.merchantId());
      ps.setString(3, e.url());
      ps.setString(4, joinEvents(e.events()));
      ps.setString(5, e.secret());
      ps.setString(6, e.previousSecret());
      Jdbc.setInstant(ps, 7, e.previousSecretExpires());
      ps.setBoolean(8, e.enabled());
      ps.setString(9, e.disabledReason());
      ps.setInt(10, e.consecutiveFailures());
      Jdbc.setInstant(ps, 11, e.failingSince());
      Jdbc.setInstant(ps, 12, e.createdAt());
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new DataAccessException("cannot store webhook endpoint", ex);
    }
  }

  /** An endpoint by id, whoever's it is; empty when deleted or absent. */
  public Optional<WebhookEndpoint> find(UUID id) {
    List<WebhookEndpoint> found = query("SELECT " + COLUMNS + " FROM webhook_endpoints"
        + " WHERE id = ? AND deleted_at IS NULL", ps -> Jdbc.setUuid(ps, 1, id));
    return found.stream().findFirst();
  }

  /** A merchant's endpoint; empty when it is another merchant's, deleted or absent. */
  public Optional<WebhookEndpoint> find(UUID merchantId, UUID id) {
    return find(id).filter(e -> e.merchantId().equals(merchantId));
  }

  /** A merchant's endpoints, oldest first. */
  public List<WebhookEndpoint> list(UUID merchantId) {
    return query("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE merchant_id = ?"
        + " AND deleted_at IS NULL ORDER BY created_at, id", ps -> Jdbc.setUuid(ps, 1, merchantId));
  }

  /** Every endpoint not deleted: the subscriptions, and the operator's list. */
  public List<WebhookEndpoint> all() {
    return query("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE deleted_at IS NULL"
        + " ORDER BY created_at, id", ps -> { });
  }

  /** Marks it deleted and cancels its undelivered events; false when there was none. */
  public boolean delete(UUID id, Instant at) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean deleted;
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_endpoints"
            + " SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL")) {
          Jdbc.setInstant(ps, 1, at);
          Jdbc.setUuid(ps, 2, id);
          deleted = ps.executeUpdate() == 1;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries"
            + " SET status = 'Cancelled' WHERE endpoint_id = ? AND status = 'Pending'")) {
          Jdbc.setUuid(ps, 1, id);
          ps.executeUpdate();
        }
        c.commit();
        return deleted;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot delete webhook endpoint", e);
    }
  }

  /** A new secret; the one in force keeps signing until {@code previousExpires}. */
  public void rotate(UUID id, String newSecret, Instant previousExpires) {
    update("UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_expires = ?,"
        + " secret = ? WHERE id = ?", ps -> {
          Jdbc.setInstant(ps, 1, previousExpires);
          ps.setString(2, newSecret);
          Jdbc.setUuid(ps, 3, id);
        });
  }

  /** Enabled again, its failure count cleared. */
  public void enable(UUID id) {
    update("UPDATE webhook_endpoints SET enabled = TRUE, disabled_reason = NULL,"
        + " consecutive_failures = 0, failing_since = NULL WHERE id = ?",
        ps -> Jdbc.setUuid(ps, 1, id));
  }

  public void disable(UUID id, String reason) {
    update("UPDATE webhook_endpoints SET enabled = FALSE, disabled_reason = ? WHERE id = ?", ps -> {
      ps.setString(1, reason);
      Jdbc.setUuid(ps, 2, id);
    });
  }

  public void recordSuccess(UUID id) {
    update("UPDATE webhook_endpoints SET consecutive_failures = 0, failing_since = NULL"
        + " WHERE id = ?", ps -> Jdbc.setUuid(ps, 1, id));
  }

  /** Counts one more failure in a row; the run of failures starts at {@code at} if it is new. */
  public void recordFailure(UUID id, Instant at) {
    update("UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1,"
        + " failing_since = COALESCE(failing_since, ?) WHERE id = ?", ps -> {
          Jdbc.setInstant(ps, 1, at);
          Jdbc.setUuid(ps, 2, id);
        });
  }

  private List<WebhookEndpoint> query(String sql, Jdbc.Binder binder) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      List<WebhookEndpoint> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DataAccessException("cannot read webhook endpoints", e);
    }
  }

  private static String joinEvents(Set<WebhookEventType> events) {
    return events.stream().map(WebhookEventType::wireName).collect(Collectors.joining(","));
  }

  private static WebhookEndpoint map(ResultSet rs) throws SQLException {
    Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
    for (String name : rs.getString("events").split(",")) {
      // A name this version does not know (written by a newer one) is skipped, not fatal.
      WebhookEventType.fromWireName(name).ifPresent(events::add);
    }
    return new WebhookEndpoint(
        Jdbc.getUuid(rs, "id"),
        Jdbc.getUuid(rs, "merchant_id"),
        rs.getString("url"),
        events,
        rs.getString("secret"),
        rs.getString("previous_secret"),
        Jdbc.getInstant(rs, "previous_secret_expires"),
        rs.getBoolean("enabled"),
        rs.getString("disabled_reason"),
        rs.getInt("consecutive_failures"),
        Jdbc.getInstant(rs, "failing_since"),
        Jdbc.getInstant(rs, "created_at"));
  }

  private void update(String sql, Jdbc.Binder binder) {
    Jdbc.update(db, "webhook endpoint", sql, binder);
  }
}
