package io.paygate.gateway.db;

import io.paygate.gateway.core.Money;
import io.paygate.gateway.core.OperationStatus;
import io.paygate.gateway.core.OperationType;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentBalance;
import io.paygate.gateway.core.PaymentOperation;
import io.paygate.gateway.core.PaymentStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Captures, voids, refunds and cancels of payments, and the payment totals they move.
 *
 * <p>Admission and settlement each run as one write (through the group commit when given one):
 * the reservation on the payment row and the operation row change together or not at all. Every
 * state change of an operation goes through {@link #admit} or {@link #settle}, and from there
 * through {@link OperationChanges}, inside that transaction.
 */
public final class OperationRepository {
  private static final String COLUMNS = "id, payment_id, merchant_id, type, status, amount_minor,"
      + " currency, created_at, processed_at, acquirer, acquirer_reference, error_code,"
      + " idempotency_key, request_fingerprint";

  /** The payment states each operation may start from. */
  public static final Map<OperationType, Set<PaymentStatus>> ALLOWED_FROM = Map.of(
      OperationType.Capture, EnumSet.of(PaymentStatus.Authorised, PaymentStatus.PartiallyCaptured),
      OperationType.Void, EnumSet.of(PaymentStatus.Authorised),
      OperationType.Refund, EnumSet.of(PaymentStatus.PartiallyCaptured, PaymentStatus.Captured,
          PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded),
      OperationType.Cancel, EnumSet.of(PaymentStatus.Pending, PaymentStatus.Unknown));

  /** The conditional reservation of each operation: one row updated means admitted. */
  private static final Map<OperationType, String> RESERVE = Map.of(
      OperationType.Capture, "UPDATE payments SET capture_reserved_minor ="
          + " capture_reserved_minor + ? WHERE id = ? AND status IN ('Authorised',"
          + " 'PartiallyCaptured') AND capture_reserved_minor + ? <= amount_minor",
      // A void takes the whole authorisation: no capture may start while it is in flight.
      OperationType.Void, "UPDATE payments SET capture_reserved_minor = amount_minor"
          + " WHERE id = ? AND status = 'Authorised' AND capture_reserved_minor = 0",
      OperationType.Refund, "UPDATE payments SET refund_reserved_minor ="
          + " refund_reserved_minor + ? WHERE id = ? AND status IN ('PartiallyCaptured',"
          + " 'Captured', 'PartiallyRefunded', 'Refunded') AND refund_reserved_minor + ?"
          + " <= captured_minor",
      // Reserves nothing: the row update only checks, under the row's lock, that the payment's
      // outcome is still open.
      OperationType.Cancel, "UPDATE payments SET reconcile_after = reconcile_after"
          + " WHERE id = ? AND status IN ('Pending', 'Unknown')");

  /** The payment's status, from its totals, after a capture or refund succeeded. */
  private static final String RESTATE = "UPDATE payments SET status = CASE"
      + " WHEN refunded_minor > 0 AND refunded_minor >= captured_minor THEN 'Refunded'"
      + " WHEN refunded_minor > 0 THEN 'PartiallyRefunded'"
      + " WHEN captured_minor >= amount_minor THEN 'Captured'"
      + " WHEN captured_minor > 0 THEN 'PartiallyCaptured' ELSE status END"
      + " WHERE id = ? AND status <> 'Voided'";

  private final DataSource db;
  private final GroupCommitWriter writer;
  private final OperationChanges changes;

  /**
   * @param writer the group commit to write through, or null for a transaction per write
   * @param changes told of every state change inside its transaction
   */
  public OperationRepository(DataSource db, GroupCommitWriter writer, OperationChanges changes) {
    this.db = db;
    this.writer = writer;
    this.changes = changes;
  }

  private <T> T write(GroupCommitWriter.Write<T> write) throws SQLException {
    if (writer != null) {
      return writer.execute(write);
    }
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = write.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /**
   * Reserves the operation's amount on its payment and stores it as Pending, in one transaction;
   * nothing is written unless both succeed.
   */
  public Admission admit(PaymentOperation op) {
    AtomicBoolean announced = new AtomicBoolean();
    try {
      Admission admission = write(c -> {
        announced.set(false);
        try (PreparedStatement ps = c.prepareStatement(RESERVE.get(op.type()))) {
          if (op.type() == OperationType.Capture || op.type() == OperationType.Refund) {
            ps.setLong(1, op.amount().minor());
            Jdbc.setUuid(ps, 2, op.paymentId());
            ps.setLong(3, op.amount().minor());
          } else {
            Jdbc.setUuid(ps, 1, op.paymentId());
          }
          if (ps.executeUpdate() != 1) {
            return refusal(c, op);
          }
        }
        insert(c, op);
        announced.set(changes.changed(c, op));
        return Admission.admitted();
      });
      if (announced.get()) {
        changes.committed();
      }
      return admission;
    } catch (SQLException e) {
      if (Jdbc.isUniqueViolation(e)) {
        return new Admission(Admission.Verdict.DUPLICATE_KEY, null, null);
      }
      throw new DataAccessException("cannot store operation", e);
    }
  }

  private static Admission refusal(Connection c, PaymentOperation op) throws SQLException {
    String sql = "SELECT status, captured_minor, capture_reserved_minor, refunded_minor,"
        + " refund_reserved_minor FROM payments WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, op.paymentId());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new Admission(Admission.Verdict.ILLEGAL_STATE, null, PaymentBalance.NONE);
        }
        PaymentStatus status = PaymentStatus.valueOf(rs.getString("status"));
        PaymentBalance balance = balanceOf(rs);
        boolean stateAllows = ALLOWED_FROM.get(op.type()).contains(status)
            && !(op.type() == OperationType.Void && balance.captureReserved() > 0);
        return new Admission(stateAllows
            ? Admission.Verdict.OVER_REMAINING : Admission.Verdict.ILLEGAL_STATE, status, balance);
      }
    }
  }

  private static void insert(Connection c, PaymentOperation op) throws SQLException {
    String sql = "INSERT INTO payment_operations (" + COLUMNS + ")"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, op.id());
      Jdbc.setUuid(ps, 2, op.paymentId());
      Jdbc.setUuid(ps, 3, op.merchantId());
      ps.setString(4, op.type().name());
      ps.setString(5, op.status().name());
      ps.setLong(6, op.amount().minor());
      ps.setString(7, op.amount().currency().getCurrencyCode());
      Jdbc.setInstant(ps, 8, op.createdAt());
      Jdbc.setInstant(ps, 9, op.processedAt());
      ps.setString(10, op.acquirer());
      ps.setString(11, op.acquirerReference());
      ps.setString(12, op.errorCode());
      ps.setString(13, op.idempotencyKey());
      ps.setString(14, op.requestFingerprint());
      ps.executeUpdate();
    }
  }

  /**
   * Records an operation's outcome unless it is already final (the first final outcome wins),
   * and moves the payment's totals with it: a success adds to captured or refunded (a void
   * voids); a decline or failure gives the reservation back; an unknown keeps it.
   *
   * @return whether this outcome was recorded
   */
  public boolean settle(PaymentOperation outcome) {
    String sql = "UPDATE payment_operations SET status = ?, processed_at = ?,"
        + " acquirer_reference = ?, error_code = ? WHERE id = ? AND status IN ('Pending', 'Unknown')";
    AtomicBoolean announced = new AtomicBoolean();
    try {
      boolean recorded = write(c -> {
        announced.set(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, outcome.status().name());
          Jdbc.setInstant(ps, 2, outcome.processedAt());
          ps.setString(3, outcome.acquirerReference());
          ps.setString(4, outcome.errorCode());
          Jdbc.setUuid(ps, 5, outcome.id());
          if (ps.executeUpdate() != 1) {
            return false;
          }
        }
        if (outcome.status().isFinal()) {
          moveTotals(c, outcome);
        }
        announced.set(changes.changed(c, outcome));
        return true;
      });
      if (recorded && announced.get()) {
        changes.committed();
      }
      return recorded;
    } catch (SQLException e) {
      throw new DataAccessException("cannot record operation outcome", e);
    }
  }

  private static void moveTotals(Connection c, PaymentOperation op) throws SQLException {
    boolean succeeded = op.status() == OperationStatus.Succeeded;
    String sql;
    switch (op.type()) {
      case Capture:
        sql = succeeded
            ? "UPDATE payments SET captured_minor = captured_minor + ? WHERE id = ?"
            : "UPDATE payments SET capture_reserved_minor = capture_reserved_minor - ? WHERE id = ?";
        break;
      case Refund:
        sql = succeeded
            ? "UPDATE payments SET refunded_minor = refunded_minor + ? WHERE id = ?"
            : "UPDATE payments SET refund_reserved_minor = refund_reserved_minor - ? WHERE id = ?";
        break;
      case Void:
        sql = succeeded
            ? "UPDATE payments SET status = 'Voided' WHERE id = ?"
            : "UPDATE payments SET capture_reserved_minor = 0 WHERE id = ?";
        break;
      default:
        return; // A cancel settles the payment itself, through reconciliation.
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (op.type() == OperationType.Void) {
        Jdbc.setUuid(ps, 1, op.paymentId());
      } else {
        ps.setLong(1, op.amount().minor());
        Jdbc.setUuid(ps, 2, op.paymentId());
      }
      ps.executeUpdate();
    }
    if (succeeded && op.type() != OperationType.Void) {
      try (PreparedStatement ps = c.prepareStatement(RESTATE)) {
        Jdbc.setUuid(ps, 1, op.paymentId());
        ps.executeUpdate();
      }
    }
  }

  /** The merchant's operation made with this idempotency key, if any. */
  public Optional<PaymentOperation> findByIdempotencyKey(UUID merchantId, String key) {
    String sql = "SELECT " + COLUMNS
        + " FROM payment_operations WHERE merchant_id = ? AND idempotency_key = ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, merchantId);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot read operation", e);
    }
  }

  /** One operation by id. */
  public Optional<PaymentOperation> find(UUID id) {
    String sql = "SELECT " + COLUMNS + " FROM payment_operations WHERE id = ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot read operation", e);
    }
  }

  /** A payment's operations, oldest first. */
  public List<PaymentOperation> forPayment(UUID paymentId) {
    try (Connection c = db.getConnection()) {
      return forPayment(c, paymentId);
    } catch (SQLException e) {
      throw new DataAccessException("cannot read operations", e);
    }
  }

  /** A payment's operations, oldest first, read on {@code c} (inside a write: as it stands). */
  public static List<PaymentOperation> forPayment(Connection c, UUID paymentId)
      throws SQLException {
    String sql = "SELECT " + COLUMNS
        + " FROM payment_operations WHERE payment_id = ? ORDER BY payment_id, created_at, id";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, paymentId);
      List<PaymentOperation> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(map(rs));
        }
      }
      return out;
    }
  }

  /** A payment's running totals. */
  public PaymentBalance balance(UUID paymentId) {
    try (Connection c = db.getConnection()) {
      return balance(c, paymentId);
    } catch (SQLException e) {
      throw new DataAccessException("cannot read payment totals", e);
    }
  }

  /** A payment's running totals, read on {@code c} (inside a write: as they stand). */
  public static PaymentBalance balance(Connection c, UUID paymentId) throws SQLException {
    String sql = "SELECT captured_minor, capture_reserved_minor, refunded_minor,"
        + " refund_reserved_minor FROM payments WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, paymentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? balanceOf(rs) : PaymentBalance.NONE;
      }
    }
  }

  /** Any merchant's payment, read on {@code c}: an operation's event carries it. */
  public static Optional<Payment> payment(Connection c, UUID paymentId) throws SQLException {
    String sql = "SELECT " + PaymentRepository.COLUMNS + " FROM payments WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, paymentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(PaymentRepository.map(rs)) : Optional.empty();
      }
    }
  }

  /** Operations whose outcome is not final, created before {@code before}, due at {@code now}. */
  public List<UnresolvedOperation> findUnresolved(Instant before, Instant now, int limit) {
    String sql = "SELECT " + COLUMNS + ", reconcile_attempts FROM payment_operations"
        + " WHERE status IN ('Pending', 'Unknown') AND created_at < ?"
        + " AND (reconcile_after IS NULL OR reconcile_after <= ?)"
        + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY created_at LIMIT ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setInstant(ps, 1, before);
      Jdbc.setInstant(ps, 2, now);
      Jdbc.setInstant(ps, 3, now);
      ps.setInt(4, limit);
      List<UnresolvedOperation> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new UnresolvedOperation(map(rs), rs.getInt("reconcile_attempts")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DataAccessException("cannot read unresolved operations", e);
    }
  }

  /**
   * Leases an unresolved operation to {@code owner} until {@code until}, so that one node at a time
   * looks it up: a conditional update, which changes nothing when another node holds an unexpired
   * lease or the operation is settled meanwhile. The lease is given up when a look-up postpones the
   * operation; a settled one keeps it (nothing looks for it any more); a dead node's runs out.
   * (This mirrors the webhook deliveries' leases: a candidate is read without locks, then taken
   * row by row; {@code SELECT ... FOR UPDATE SKIP LOCKED} would make H2 lock the whole backlog.)
   *
   * @return whether {@code owner} holds the lease now
   */
  public boolean lease(UUID id, String owner, Instant now, Instant until) {
    return Jdbc.update(db, "a reconciliation lease", "UPDATE payment_operations SET lease_owner = ?,"
        + " lease_until = ? WHERE id = ? AND status IN ('Pending', 'Unknown')"
        + " AND (lease_until IS NULL OR lease_until < ?)", ps -> {
          ps.setString(1, owner);
          Jdbc.setInstant(ps, 2, until);
          Jdbc.setUuid(ps, 3, id);
          Jdbc.setInstant(ps, 4, now);
        }) == 1;
  }

  /** Counts a look-up that did not settle the operation, and when to try again. */
  public void postpone(UUID id, int attempts, Instant after) {
    String sql = "UPDATE payment_operations SET reconcile_attempts = ?, reconcile_after = ?,"
        + " lease_owner = NULL, lease_until = NULL WHERE id = ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, attempts);
      Jdbc.setInstant(ps, 2, after);
      Jdbc.setUuid(ps, 3, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("cannot postpone reconciliation", e);
    }
  }

  private static PaymentBalance balanceOf(ResultSet rs) throws SQLException {
    return new PaymentBalance(rs.getLong("captured_minor"), rs.getLong("capture_reserved_minor"),
        rs.getLong("refunded_minor"), rs.getLong("refund_reserved_minor"));
  }

  private static PaymentOperation map(ResultSet rs) throws SQLException {
    return new PaymentOperation(
        Jdbc.getUuid(rs, "id"),
        Jdbc.getUuid(rs, "payment_id"),
        Jdbc.getUuid(rs, "merchant_id"),
        OperationType.valueOf(rs.getString("type")),
        OperationStatus.valueOf(rs.getString("status")),
        Money.ofMinor(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
        Jdbc.getInstant(rs, "created_at"),
        Jdbc.getInstant(rs, "processed_at"),
        rs.getString("acquirer"),
        rs.getString("acquirer_reference"),
        rs.getString("error_code"),
        rs.getString("idempotency_key"),
        rs.getString("request_fingerprint"));
  }
}
