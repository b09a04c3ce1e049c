package io.paygate.gateway.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Failed logins in a row per merchant, and the lock they lead to. */
public final class LoginAttemptRepository {
  private final DataSource db;

  public LoginAttemptRepository(DataSource db) {
    this.db = db;
  }

  /** Until when the merchant is locked out, if it is locked at all (the time may be past). */
  public Optional<Instant> lockedUntil(UUID merchantId) {
    String sql = "SELECT locked_until FROM login_attempts WHERE merchant_id = ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, merchantId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(Jdbc.getInstant(rs, "locked_until"))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot read login attempts", e);
    }
  }

  /**
   * Counts one failed login; at {@code maxFailures} in a row, locks the account until
   * {@code lockUntil} and starts counting again from zero.
   *
   * @return whether this failure locked the account
   */
  public boolean recordFailure(UUID merchantId, int maxFailures, Instant lockUntil) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        int updated = execute(c, "UPDATE login_attempts SET failures = failures + 1"
            + " WHERE merchant_id = ?", merchantId);
        if (updated == 0) {
          execute(c, "INSERT INTO login_attempts (merchant_id, failures) VALUES (?, 1)",
              merchantId);
        }
        // Only one of two concurrent failures can move the counter past the limit and lock.
        int locked;
        try (PreparedStatement ps = c.prepareStatement("UPDATE login_attempts SET failures = 0,"
            + " locked_until = ? WHERE merchant_id = ? AND failures >= ?")) {
          Jdbc.setInstant(ps, 1, lockUntil);
          Jdbc.setUuid(ps, 2, merchantId);
          ps.setInt(3, maxFailures);
          locked = ps.executeUpdate();
        }
        c.commit();
        return locked == 1;
      } catch (SQLException e) {
        c.rollback();
        if (Jdbc.isUniqueViolation(e)) {
          // A concurrent first failure inserted the row: count on it.
          return recordFailure(merchantId, maxFailures, lockUntil);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot record a failed login", e);
    }
  }

  /** A successful login: the count starts again. */
  public void clear(UUID merchantId) {
    try (Connection c = db.getConnection()) {
      execute(c, "DELETE FROM login_attempts WHERE merchant_id = ?", merchantId);
    } catch (SQLException e) {
      throw new DataAccessException("cannot clear login attempts", e);
    }
  }

  private static int execute(Connection c, String sql, UUID merchantId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, merchantId);
      return ps.executeUpdate();
    }
  }
}
