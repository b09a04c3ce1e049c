package io.paygate.gateway.db;

import io.paygate.gateway.core.Merchant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Merchant accounts. */
public final class MerchantRepository {
  private static final String COLUMNS = "id, login, name, password_hash, acquirer, created_at,"
      + " fallback_acquirers";

  private final DataSource db;

  public MerchantRepository(DataSource db) {
    this.db = db;
  }

  /**
   * Stores a new merchant.
   *
   * @throws DuplicateKeyException when the login is taken, whatever its case
   */
  public void insert(Merchant m) {
    String sql = "INSERT INTO merchants (" + COLUMNS + ", login_key)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, m.id());
      ps.setString(2, m.login());
      ps.setString(3, m.name());
      ps.setString(4, m.passwordHash());
      ps.setString(5, m.acquirer());
      Jdbc.setInstant(ps, 6, m.createdAt());
      ps.setString(7, m.fallbackAcquirers().isEmpty()
          ? null : String.join(",", m.fallbackAcquirers()));
      ps.setString(8, loginKey(m.login()));
      ps.executeUpdate();
    } catch (SQLException e) {
      if (Jdbc.isUniqueViolation(e)) {
        throw new DuplicateKeyException("login exists");
      }
      throw new DataAccessException("cannot store merchant", e);
    }
  }

  public Optional<Merchant> findByLogin(String login) {
    return findOne("SELECT " + COLUMNS + " FROM merchants WHERE login_key = ?", loginKey(login));
  }

  public Optional<Merchant> findById(UUID id) {
    return findOne("SELECT " + COLUMNS + " FROM merchants WHERE id = ?", id);
  }

  private Optional<Merchant> findOne(String sql, Object param) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot read merchant", e);
    }
  }

  private static Merchant map(ResultSet rs) throws SQLException {
    return new Merchant(
        Jdbc.getUuid(rs, "id"),
        rs.getString("login"),
        rs.getString("name"),
        rs.getString("password_hash"),
        rs.getString("acquirer"),
        Jdbc.getInstant(rs, "created_at"),
        fallbacks(rs.getString("fallback_acquirers")));
  }

  private static List<String> fallbacks(String column) {
    return column == null || column.isEmpty() ? List.of() : List.of(column.split(","));
  }

  static String loginKey(String login) {
    return login.trim().toLowerCase(Locale.ROOT);
  }
}
