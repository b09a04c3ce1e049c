package io.paygate.gateway.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Refresh tokens, by the SHA-256 of their value, grouped in families: a login starts a family,
 * each refresh adds a token to it and uses up the one presented.
 */
public final class TokenRepository {
  private final DataSource db;

  /** A stored refresh token. */
  public record RefreshToken(
      String tokenHash, UUID familyId, UUID merchantId, Instant expiresAt, Instant usedAt,
      Instant familyRevokedAt) {}

  public TokenRepository(DataSource db) {
    this.db = db;
  }

  public void createFamily(UUID familyId, UUID merchantId, Instant at) {
    update("INSERT INTO token_families (id, merchant_id, created_at) VALUES (?, ?, ?)",
        familyId, merchantId, at);
  }

  public void insert(String tokenHash, UUID familyId, Instant expiresAt) {
    update("INSERT INTO refresh_tokens (token_hash, family_id, expires_at) VALUES (?, ?, ?)",
        tokenHash, familyId, expiresAt);
  }

  public Optional<RefreshToken> find(String tokenHash) {
    String sql = "SELECT t.token_hash, t.family_id, f.merchant_id, t.expires_at, t.used_at,"
        + " f.revoked_at FROM refresh_tokens t JOIN token_families f ON f.id = t.family_id"
        + " WHERE t.token_hash = ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tokenHash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new RefreshToken(rs.getString("token_hash"),
            Jdbc.getUuid(rs, "family_id"), Jdbc.getUuid(rs, "merchant_id"),
            Jdbc.getInstant(rs, "expires_at"), Jdbc.getInstant(rs, "used_at"),
            Jdbc.getInstant(rs, "revoked_at")));
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot read refresh token", e);
    }
  }

  /**
   * Marks a token used, atomically: of two concurrent refreshes with one token, one wins.
   *
   * @return whether this call used it
   */
  public boolean markUsed(String tokenHash, Instant at) {
    return update("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
        at, tokenHash) == 1;
  }

  /** Revokes a family: its refresh tokens and the access tokens issued with them stop working. */
  public void revokeFamily(UUID familyId, Instant at) {
    update("UPDATE token_families SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
        at, familyId);
  }

  /**
   * Revokes every live session of a merchant (the operator disabled it or reset its password).
   *
   * @return the sessions revoked now
   */
  public List<UUID> revokeAll(UUID merchantId, Instant at) {
    String select = "SELECT id FROM token_families WHERE merchant_id = ? AND revoked_at IS NULL";
    String revoke = "UPDATE token_families SET revoked_at = ? WHERE merchant_id = ?"
        + " AND revoked_at IS NULL";
    try (Connection c = db.getConnection()) {
      List<UUID> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(select)) {
        Jdbc.setUuid(ps, 1, merchantId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(Jdbc.getUuid(rs, "id"));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(revoke)) {
        Jdbc.setInstant(ps, 1, at);
        Jdbc.setUuid(ps, 2, merchantId);
        ps.executeUpdate();
      }
      return ids;
    } catch (SQLException e) {
      throw new DataAccessException("cannot revoke sessions", e);
    }
  }

  /** Families revoked at or after {@code since}: their access tokens may still be unexpired. */
  public List<UUID> revokedSince(Instant since) {
    String sql = "SELECT id FROM token_families WHERE revoked_at >= ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setInstant(ps, 1, since);
      List<UUID> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(Jdbc.getUuid(rs, "id"));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new DataAccessException("cannot read revoked sessions", e);
    }
  }

  private int update(String sql, Object... params) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        if (params[i] instanceof Instant) {
          Jdbc.setInstant(ps, i + 1, (Instant) params[i]);
        } else {
          ps.setObject(i + 1, params[i]);
        }
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("cannot write tokens", e);
    }
  }
}
