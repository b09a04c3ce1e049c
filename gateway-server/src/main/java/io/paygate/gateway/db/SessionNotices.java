package io.paygate.gateway.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other gateway nodes on the same PostgreSQL that a session was revoked or a merchant
 * disabled or enabled ({@code NOTIFY}), so that they re-read both at once rather than at their
 * next poll. Sent after the change is committed: a node that hears it reads the new rows. Nothing
 * is sent on H2, whose embedded database serves one node.
 */
public final class SessionNotices {
  /** The channel every node listens on ({@link NoticeListener}). */
  public static final String CHANNEL = "paygate_sessions";
  private static final Logger log = LoggerFactory.getLogger(SessionNotices.class);

  private final DataSource db;
  private final boolean enabled;

  private SessionNotices(DataSource db, boolean enabled) {
    this.db = db;
    this.enabled = enabled;
  }

  /** Notices sent through {@code db} (PostgreSQL). */
  public static SessionNotices postgres(DataSource db) {
    return new SessionNotices(db, true);
  }

  /** No notices: one node, whose memory is changed directly. */
  public static SessionNotices none() {
    return new SessionNotices(null, false);
  }

  /** Announces a change; a failure is logged, and the other nodes learn at their next poll. */
  public void announce() {
    if (!enabled) {
      return;
    }
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute("NOTIFY " + CHANNEL);
    } catch (SQLException e) {
      log.warn("cannot notify the other nodes of a session change (they poll for it): {}",
          e.getMessage());
    }
  }
}
