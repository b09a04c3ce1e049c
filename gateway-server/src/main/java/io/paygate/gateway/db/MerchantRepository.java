package io.paygate.gateway.db;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.core.MerchantLimits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** Merchant accounts. */
public final class MerchantRepository {
  private static final String COLUMNS = "id, login, name, password_hash, acquirer, created_at,"
      + " fallback_acquirers";
  private static final String READ_COLUMNS = COLUMNS + ", disabled_at";
  /** A cursor before every merchant: the first page is the page after it. */
  private static final HistoryCursor START_OF_TIME =
      new HistoryCursor(Instant.parse("0001-01-01T00:00:00Z"), new UUID(0L, 0L));

  /**
   * How old a merchant {@link #findRecent} returns may be when another node changed it. A change
   * made through this repository is seen at once.
   */
  public static final Duration RECENT = Duration.ofSeconds(1);

  private final DataSource db;
  // The payment path read its merchant from the database on every payment: 6% of a payment's CPU
  // samples (BENCHMARKS.md, issue 15). Caffeine, as for verified tokens: bounded and expiring.
  private final Cache<UUID, Merchant> recent =
      Caffeine.newBuilder().expireAfterWrite(RECENT).maximumSize(10_000).build();

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
    return findOne("SELECT " + READ_COLUMNS + " FROM merchants WHERE login_key = ?",
        loginKey(login));
  }

  public Optional<Merchant> findById(UUID id) {
    return findOne("SELECT " + READ_COLUMNS + " FROM merchants WHERE id = ?", id);
  }

  /**
   * The merchant as read at most {@link #RECENT} ago, for the payment path (its name and acquirer
   * route). Every change made through this repository is seen at once; a change made on another
   * node is seen after at most {@link #RECENT}, as by a payment already in flight when it was made.
   * A disabled merchant is refused before this, by {@code DisabledMerchants}.
   */
  public Optional<Merchant> findRecent(UUID id) {
    Merchant cached = recent.getIfPresent(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Merchant> read = findById(id);
    read.ifPresent(m -> recent.put(id, m));
    return read;
  }

  /** A merchant with its login lockout, for the operator. */
  public record Account(Merchant merchant, Instant lockedUntil) {}

  /** One account by id, for the operator. */
  public Optional<Account> findAccount(UUID id) {
    List<Account> found = accounts(" WHERE m.id = ?", List.of(id), 1);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * A page of accounts, oldest first, after {@code cursor} (from the start when null): keyset
   * paging on {@code merchants_created}, so a deep page costs what the first does.
   */
  public List<Account> page(HistoryCursor cursor, int limit) {
    HistoryCursor after = cursor == null ? START_OF_TIME : cursor;
    return accounts(" WHERE (m.created_at, m.id) > (?, ?) ORDER BY m.created_at, m.id",
        List.of(after.createdAt(), after.id()), limit);
  }

  private List<Account> accounts(String where, List<Object> params, int limit) {
    String sql = "SELECT m." + READ_COLUMNS.replace(", ", ", m.") + ", a.locked_until"
        + " FROM merchants m LEFT JOIN login_attempts a ON a.merchant_id = m.id" + where
        + " LIMIT ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (Object p : params) {
        if (p instanceof Instant at) {
          Jdbc.setInstant(ps, i++, at);
        } else {
          ps.setObject(i++, p);
        }
      }
      ps.setInt(i, limit);
      List<Account> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Account(map(rs), Jdbc.getInstant(rs, "locked_until")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DataAccessException("cannot read merchants", e);
    }
  }

  /** The ids of the merchants disabled now. */
  public Set<UUID> disabledIds() {
    String sql = "SELECT id FROM merchants WHERE disabled_at IS NOT NULL";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      Set<UUID> ids = new HashSet<>();
      while (rs.next()) {
        ids.add(Jdbc.getUuid(rs, "id"));
      }
      return ids;
    } catch (SQLException e) {
      throw new DataAccessException("cannot read disabled merchants", e);
    }
  }

  /**
   * Disables a merchant from {@code at}, or enables it again when {@code at} is null.
   *
   * @return whether the merchant exists
   */
  public boolean setDisabledAt(UUID id, Instant at) {
    return update("UPDATE merchants SET disabled_at = ? WHERE id = ?", ps -> {
      Jdbc.setInstant(ps, 1, at);
      Jdbc.setUuid(ps, 2, id);
    });
  }

  /** The merchant's own request limits (null fields: the defaults), or empty when it is unknown. */
  public Optional<MerchantLimits> limits(UUID id) {
    String sql = "SELECT reads_per_second, writes_per_second FROM merchants WHERE id = ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new MerchantLimits(rs.getObject("reads_per_second", Integer.class),
            rs.getObject("writes_per_second", Integer.class)));
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot read the merchant's limits", e);
    }
  }

  /** @return whether the merchant exists */
  public boolean setLimits(UUID id, MerchantLimits limits) {
    return update("UPDATE merchants SET reads_per_second = ?, writes_per_second = ? WHERE id = ?",
        ps -> {
          ps.setObject(1, limits.readsPerSecond(), java.sql.Types.INTEGER);
          ps.setObject(2, limits.writesPerSecond(), java.sql.Types.INTEGER);
          Jdbc.setUuid(ps, 3, id);
        });
  }

  /** @return whether the merchant exists */
  public boolean setPasswordHash(UUID id, String passwordHash) {
    return update("UPDATE merchants SET password_hash = ? WHERE id = ?", ps -> {
      ps.setString(1, passwordHash);
      Jdbc.setUuid(ps, 2, id);
    });
  }

  /**
   * Routes the merchant's next payments to {@code acquirers}, in order (the first, then failover).
   *
   * @return whether the merchant exists
   */
  public boolean setAcquirers(UUID id, List<String> acquirers) {
    return update("UPDATE merchants SET acquirer = ?, fallback_acquirers = ? WHERE id = ?", ps -> {
      ps.setString(1, acquirers.get(0));
      ps.setString(2, acquirers.size() == 1
          ? null : String.join(",", acquirers.subList(1, acquirers.size())));
      Jdbc.setUuid(ps, 3, id);
    });
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
        fallbacks(rs.getString("fallback_acquirers")),
        Jdbc.getInstant(rs, "disabled_at"));
  }

  private static List<String> fallbacks(String column) {
    return column == null || column.isEmpty() ? List.of() : List.of(column.split(","));
  }

  static String loginKey(String login) {
    return login.trim().toLowerCase(Locale.ROOT);
  }

  private boolean update(String sql, Jdbc.Binder binder) {
    try {
      return Jdbc.update(db, "merchant", sql, binder) == 1;
    } finally {
      // Operator actions are rare: forget every merchant rather than track which one changed.
      recent.invalidateAll();
    }
  }
}
