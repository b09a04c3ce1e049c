package io.paygate.gateway.support;

import io.paygate.gateway.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads the audit table of an embedded database, beside a running gateway or after it exited. */
public final class AuditTrail {
  private AuditTrail() {}

  /** A payment's audit events, oldest first, as {@code event:outcome}. */
  public static List<String> events(Path dataDir, String paymentId) {
    try (Connection c = DriverManager.getConnection(Database.embeddedUrl(dataDir), "sa", "");
        PreparedStatement ps = c.prepareStatement("SELECT event, outcome FROM audit_events"
            + " WHERE payment_id = ? ORDER BY id")) {
      ps.setObject(1, UUID.fromString(paymentId));
      List<String> events = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          events.add(rs.getString(1) + ":" + rs.getString(2));
        }
      }
      return events;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many events of this kind the audit table holds, with their outcomes. */
  public static Map<String, Integer> outcomes(Path dataDir, String event) {
    try (Connection c = DriverManager.getConnection(Database.embeddedUrl(dataDir), "sa", "");
        PreparedStatement ps = c.prepareStatement("SELECT outcome, COUNT(*) FROM audit_events"
            + " WHERE event = ? GROUP BY outcome")) {
      ps.setString(1, event);
      Map<String, Integer> counts = new TreeMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getInt(2));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
