package io.paygate.gateway.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** {@code gateway_nodes}: the nodes serving one database, each with its last heartbeat. */
public final class NodeRepository {
  private final DataSource db;

  public NodeRepository(DataSource db) {
    this.db = db;
  }

  /** Records that node {@code id} is alive at {@code now} (its row is made on its first beat). */
  public void beat(String id, Instant started, Instant now) {
    int updated = Jdbc.update(db, "the node's heartbeat",
        "UPDATE gateway_nodes SET last_seen = ? WHERE id = ?", ps -> {
          Jdbc.setInstant(ps, 1, now);
          ps.setString(2, id);
        });
    if (updated == 0) {
      Jdbc.update(db, "the node's heartbeat",
          "INSERT INTO gateway_nodes (id, started_at, last_seen) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, id);
            Jdbc.setInstant(ps, 2, started);
            Jdbc.setInstant(ps, 3, now);
          });
    }
  }

  /** How many nodes have beaten since {@code since}. */
  public int aliveSince(Instant since) {
    String sql = "SELECT COUNT(*) FROM gateway_nodes WHERE last_seen >= ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setInstant(ps, 1, since);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot count the live nodes", e);
    }
  }

  /** Forgets a node that stopped, or the rows of nodes not seen since {@code before}. */
  public void remove(String id) {
    Jdbc.update(db, "the node's row", "DELETE FROM gateway_nodes WHERE id = ?",
        ps -> ps.setString(1, id));
  }

  public void removeNotSeenSince(Instant before) {
    Jdbc.update(db, "old node rows", "DELETE FROM gateway_nodes WHERE last_seen < ?",
        ps -> Jdbc.setInstant(ps, 1, before));
  }
}
