package io.paygate.gateway.db;

import io.paygate.gateway.core.ManualSettlement;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
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
 * The operator's reads and writes of payments: those needing attention, and settling one by hand.
 * Every merchant's payments, unlike {@link PaymentRepository}'s merchant-scoped reads.
 */
public final class PaymentSettlements {
  /** The error code of a payment declined or failed by hand. */
  public static final String SETTLED_BY_HAND = "settled_by_hand";
  /** A cursor before every payment. */
  private static final HistoryCursor START_OF_TIME =
      new HistoryCursor(Instant.parse("0001-01-01T00:00:00Z"), new UUID(0L, 0L));

  private final DataSource db;

  public PaymentSettlements(DataSource db) {
    this.db = db;
  }

  /** A payment with how it was settled by hand, if it was. */
  public record Settled(Payment payment, Optional<ManualSettlement> settlement) {}

  /** Any merchant's payment by id. */
  public Optional<Settled> find(UUID id) {
    String sql = "SELECT " + PaymentRepository.COLUMNS + ", settled_by, settle_reason"
        + " FROM payments WHERE id = ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String by = rs.getString("settled_by");
        return Optional.of(new Settled(PaymentRepository.map(rs), by == null
            ? Optional.empty() : Optional.of(new ManualSettlement(by, rs.getString("settle_reason")))));
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot read payment", e);
    }
  }

  /**
   * Payments an operator has to look at, oldest first, after {@code cursor}: those whose bank
   * echoed another amount ({@code amount_mismatch}, left {@code Unknown}), and every other
   * {@code Pending} or {@code Unknown} one created before {@code overdue} (the acquirer timeout
   * plus the reconciliation margin ago), which its bank has not settled in time.
   */
  public List<UnresolvedPayment> needingAttention(Instant overdue, HistoryCursor cursor,
      int limit) {
    HistoryCursor after = cursor == null ? START_OF_TIME : cursor;
    String sql = "SELECT " + PaymentRepository.COLUMNS + ", reconcile_attempts FROM payments"
        + " WHERE status IN ('Pending', 'Unknown') AND (created_at < ? OR error_code = ?)"
        + " AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setInstant(ps, 1, overdue);
      ps.setString(2, PaymentRepository.AMOUNT_MISMATCH);
      Jdbc.setInstant(ps, 3, after.createdAt());
      Jdbc.setUuid(ps, 4, after.id());
      ps.setInt(5, limit);
      List<UnresolvedPayment> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new UnresolvedPayment(PaymentRepository.map(rs), rs.getInt("reconcile_attempts")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DataAccessException("cannot read payments needing attention", e);
    }
  }

  /**
   * Settles a payment by hand, only while it is {@code Pending} or {@code Unknown}: of the
   * operator, its bank's late answer and reconciliation, whoever writes first wins, and the
   * others' conditional updates find the payment final.
   *
   * @return whether this call settled it
   */
  public boolean settle(UUID id, PaymentStatus status, Instant at, ManualSettlement how) {
    String sql = "UPDATE payments SET status = ?, processed_at = ?, error_code = ?,"
        + " settled_by = ?, settle_reason = ?, reconcile_after = NULL"
        + " WHERE id = ? AND status IN ('Pending', 'Unknown')";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, status.name());
      Jdbc.setInstant(ps, 2, at);
      ps.setString(3, status == PaymentStatus.Authorised ? null : SETTLED_BY_HAND);
      ps.setString(4, how.by());
      ps.setString(5, how.reason());
      Jdbc.setUuid(ps, 6, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new DataAccessException("cannot settle payment", e);
    }
  }
}
