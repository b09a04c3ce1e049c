package io.paygate.gateway.db;

import io.paygate.gateway.core.Money;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.core.WebhookEventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Payments, each written when received and again when the bank has answered. Both writes go
 * through a {@link GroupCommitWriter} when given one: durable when the method returns, with the
 * commit shared by the payments written at the same moment.
 */
public final class PaymentRepository {
  static final String COLUMNS = "id, merchant_id, status, card_holder_name,"
      + " card_number_masked, expiry_month, expiry_year, amount_minor, currency, created_at,"
      + " processed_at, acquirer, acquirer_status, acquirer_reference, error_code,"
      + " idempotency_key, request_fingerprint";

  /** The error code of a payment whose bank echoed another amount or currency than ours. */
  public static final String AMOUNT_MISMATCH = "amount_mismatch";

  /** A cursor after every payment: the first page is the page after it. */
  private static final HistoryCursor END_OF_TIME =
      new HistoryCursor(Instant.parse("9999-12-31T23:59:59Z"), new UUID(-1L, -1L));

  private final DataSource db;
  private final GroupCommitWriter writer;
  private final PaymentOutbox outbox;

  /** Each write in its own transaction. */
  public PaymentRepository(DataSource db) {
    this(db, null, null);
  }

  /** Writes through {@code writer} (group commit); no webhook events. */
  public PaymentRepository(DataSource db, GroupCommitWriter writer) {
    this(db, writer, null);
  }

  /**
   * Writes through {@code writer} (group commit) when not null; reads straight from {@code db}.
   * Outcomes are announced through {@code outbox} when not null, in the transaction that records
   * them.
   */
  public PaymentRepository(DataSource db, GroupCommitWriter writer, PaymentOutbox outbox) {
    this.db = db;
    this.writer = writer;
    this.outbox = outbox;
  }

  private <T> T write(GroupCommitWriter.Write<T> write) throws SQLException {
    if (writer != null) {
      return writer.execute(write);
    }
    try (Connection c = db.getConnection()) {
      return write.apply(c);
    }
  }

  /**
   * Stores a new payment.
   *
   * @throws DuplicateKeyException when the merchant already used the payment's idempotency key
   */
  public void insert(Payment p) {
    String sql = "INSERT INTO payments (" + COLUMNS + ")"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try {
      write(c -> insert(c, sql, p));
    } catch (SQLException e) {
      if (Jdbc.isUniqueViolation(e)) {
        throw new DuplicateKeyException("idempotency key in use");
      }
      throw new DataAccessException("cannot store payment", e);
    }
  }

  private static Void insert(Connection c, String sql, Payment p) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, p.id());
      Jdbc.setUuid(ps, 2, p.merchantId());
      ps.setString(3, p.status().name());
      ps.setString(4, p.cardHolderName());
      ps.setString(5, p.cardNumberMasked());
      ps.setInt(6, p.expiryMonth());
      ps.setInt(7, p.expiryYear());
      ps.setLong(8, p.amount().minor());
      ps.setString(9, p.amount().currency().getCurrencyCode());
      Jdbc.setInstant(ps, 10, p.createdAt());
      Jdbc.setInstant(ps, 11, p.processedAt());
      ps.setString(12, p.acquirer());
      ps.setString(13, p.acquirerStatus());
      ps.setString(14, p.acquirerReference());
      ps.setString(15, p.errorCode());
      ps.setString(16, p.idempotencyKey());
      ps.setString(17, p.requestFingerprint());
      ps.executeUpdate();
      return null;
    }
  }

  /**
   * Records the bank's answer, unless the payment has reached a final status meanwhile (a
   * reconciliation run, say): the first final outcome wins. The webhook event for it (the one of
   * its status) is appended in the same transaction.
   *
   * @return whether the row was updated
   */
  public boolean recordOutcome(Payment p) {
    return recordOutcome(p, WebhookEventType.ofOutcome(p.status()));
  }

  /**
   * Records an outcome, and appends {@code event} to the webhook outbox in the same transaction
   * (when the merchant has an endpoint for it), so that both are committed or neither.
   *
   * @return whether the row was updated
   */
  public boolean recordOutcome(Payment p, WebhookEventType event) {
    return recordOutcome(p, event, null);
  }

  /**
   * Records the bank's answer to the payment's first send, with the time it was sent: the
   * payment's row is its own trail (received is {@code created_at}, answered {@code processed_at}),
   * so the payment path writes no audit row for either. Otherwise as {@link #recordOutcome(Payment)}.
   *
   * @param sentAt when the attempt that answered was sent to its bank; null when none was sent
   * @return whether the row was updated
   */
  public boolean recordOutcome(Payment p, Instant sentAt) {
    return recordOutcome(p, WebhookEventType.ofOutcome(p.status()), sentAt);
  }

  private static final String RECORD_OUTCOME = "UPDATE payments SET status = ?,"
      + " processed_at = ?, acquirer_status = ?, acquirer_reference = ?, error_code = ?"
      + " WHERE id = ? AND status IN ('Pending', 'Unknown')";
  private static final String RECORD_OUTCOME_SENT = "UPDATE payments SET status = ?,"
      + " processed_at = ?, acquirer_status = ?, acquirer_reference = ?, error_code = ?,"
      + " sent_at = ? WHERE id = ? AND status IN ('Pending', 'Unknown')";

  private boolean recordOutcome(Payment p, WebhookEventType event, Instant sentAt) {
    // Without a send time the column keeps what it holds (reconciliation settles a payment sent
    // before a crash): one statement each rather than COALESCE over a typed null parameter.
    String sql = sentAt == null ? RECORD_OUTCOME : RECORD_OUTCOME_SENT;
    PaymentOutbox.Announcement announcement =
        outbox != null && event != null ? outbox.prepare(p, event) : null;
    boolean updated;
    try {
      updated = write(c -> {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, p.status().name());
          Jdbc.setInstant(ps, 2, p.processedAt());
          ps.setString(3, p.acquirerStatus());
          ps.setString(4, p.acquirerReference());
          ps.setString(5, p.errorCode());
          int next = 6;
          if (sentAt != null) {
            Jdbc.setInstant(ps, next++, sentAt);
          }
          Jdbc.setUuid(ps, next, p.id());
          if (ps.executeUpdate() != 1) {
            return false;
          }
        }
        if (announcement != null) {
          announcement.writeTo(c);
        }
        return true;
      });
    } catch (SQLException e) {
      throw new DataAccessException("cannot record payment outcome", e);
    }
    if (updated && announcement != null) {
      outbox.committed();
    }
    return updated;
  }

  /** A merchant's payment; empty when it does not exist or is another merchant's. */
  public Optional<Payment> find(UUID merchantId, UUID id) {
    String sql = "SELECT " + COLUMNS + " FROM payments WHERE id = ? AND merchant_id = ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, id);
      Jdbc.setUuid(ps, 2, merchantId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot read payment", e);
    }
  }

  /** The merchant's payment made with this idempotency key, if any. */
  public Optional<Payment> findByIdempotencyKey(UUID merchantId, String key) {
    String sql = "SELECT " + COLUMNS + " FROM payments WHERE merchant_id = ? AND idempotency_key = ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, merchantId);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DataAccessException("cannot read payment", e);
    }
  }

  /**
   * One page of a merchant's payments, newest first, after {@code cursor} (from the start when
   * null). The ORDER BY repeats the index's columns in order, or H2 sorts every row. The first page
   * too is asked for with a row-value bound (after the end of time): with {@code merchant_id = ?}
   * alone H2 chose the foreign key's index on {@code merchant_id}, read all the merchant's rows and
   * sorted them (7 ms at 10,000 rows, measured in BENCHMARKS.md); the bound makes it walk
   * {@code payments_history}.
   */
  public List<Payment> page(UUID merchantId, HistoryCursor cursor, int limit) {
    HistoryCursor after = cursor == null ? END_OF_TIME : cursor;
    String sql = "SELECT " + COLUMNS + " FROM payments WHERE merchant_id = ?"
        + " AND (created_at, id) < (?, ?)"
        + " ORDER BY merchant_id DESC, created_at DESC, id DESC LIMIT ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setUuid(ps, 1, merchantId);
      Jdbc.setInstant(ps, 2, after.createdAt());
      Jdbc.setUuid(ps, 3, after.id());
      ps.setInt(4, limit);
      List<Payment> page = new ArrayList<>(Math.min(limit, 256));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          page.add(map(rs));
        }
      }
      return page;
    } catch (SQLException e) {
      throw new DataAccessException("cannot read payment history", e);
    }
  }

  /**
   * Payments whose outcome is not final, created before {@code before}, whose next look-up is due
   * at {@code now}, oldest first. Those flagged for the operator ({@code amount_mismatch}) are left
   * out: no look-up settles them.
   */
  public List<UnresolvedPayment> findUnresolved(Instant before, Instant now, int limit) {
    String sql = "SELECT " + COLUMNS + ", reconcile_attempts FROM payments"
        + " WHERE status IN ('Pending', 'Unknown') AND created_at < ?"
        + " AND (reconcile_after IS NULL OR reconcile_after <= ?)"
        + " AND (error_code IS NULL OR error_code <> ?)"
        + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY created_at LIMIT ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setInstant(ps, 1, before);
      Jdbc.setInstant(ps, 2, now);
      ps.setString(3, AMOUNT_MISMATCH);
      Jdbc.setInstant(ps, 4, now);
      ps.setInt(5, limit);
      List<UnresolvedPayment> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new UnresolvedPayment(map(rs), rs.getInt("reconcile_attempts")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DataAccessException("cannot read unresolved payments", e);
    }
  }

  /**
   * How many payments are {@code Pending} and {@code Unknown}, and the oldest of each: one query on
   * the {@code (status, created_at)} index, for the backlog gauges (never on the payment path).
   */
  public List<Backlog> backlog() {
    String sql = "SELECT status, COUNT(*) AS n, MIN(created_at) AS oldest FROM payments"
        + " WHERE status IN ('Pending', 'Unknown') GROUP BY status";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<Backlog> out = new ArrayList<>(2);
      while (rs.next()) {
        out.add(new Backlog(PaymentStatus.valueOf(rs.getString("status")), rs.getLong("n"),
            Jdbc.getInstant(rs, "oldest")));
      }
      return out;
    } catch (SQLException e) {
      throw new DataAccessException("cannot count unresolved payments", e);
    }
  }

  /**
   * Leases an unresolved payment to {@code owner} until {@code until}, so that one node at a time
   * looks it up: a conditional update, which changes nothing when another node holds an unexpired
   * lease or the payment is settled meanwhile. The lease is given up when a look-up postpones the
   * payment; a settled one keeps it (nothing looks for it any more); a dead node's runs out.
   * (This mirrors the webhook deliveries' leases: a candidate is read without locks, then taken
   * row by row; {@code SELECT ... FOR UPDATE SKIP LOCKED} would make H2 lock the whole backlog.)
   *
   * @return whether {@code owner} holds the lease now
   */
  public boolean lease(UUID id, String owner, Instant now, Instant until) {
    return Jdbc.update(db, "a reconciliation lease", "UPDATE payments SET lease_owner = ?,"
        + " lease_until = ? WHERE id = ? AND status IN ('Pending', 'Unknown')"
        + " AND (lease_until IS NULL OR lease_until < ?)", ps -> {
          ps.setString(1, owner);
          Jdbc.setInstant(ps, 2, until);
          Jdbc.setUuid(ps, 3, id);
          Jdbc.setInstant(ps, 4, now);
        }) == 1;
  }

  /** Counts a look-up that did not settle the payment, and when to try again. */
  public void postponeReconciliation(UUID id, int attempts, Instant after) {
    String sql = "UPDATE payments SET reconcile_attempts = ?, reconcile_after = ?,"
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

  /**
   * Records that a Pending payment is about to be sent to another acquirer (failover), before it
   * is sent, so that reconciliation asks the right bank after a crash.
   *
   * @return whether the payment was still Pending and is now routed to {@code acquirer}
   */
  public boolean routeTo(UUID id, String acquirer) {
    String sql = "UPDATE payments SET acquirer = ? WHERE id = ? AND status = 'Pending'";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, acquirer);
      Jdbc.setUuid(ps, 2, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new DataAccessException("cannot route payment", e);
    }
  }

  static Payment map(ResultSet rs) throws SQLException {
    return Payment.builder()
        .id(Jdbc.getUuid(rs, "id"))
        .merchantId(Jdbc.getUuid(rs, "merchant_id"))
        .status(PaymentStatus.valueOf(rs.getString("status")))
        .cardHolderName(rs.getString("card_holder_name"))
        .cardNumberMasked(rs.getString("card_number_masked"))
        .expiry(rs.getInt("expiry_month"), rs.getInt("expiry_year"))
        .amount(Money.ofMinor(rs.getLong("amount_minor"),
            Currency.getInstance(rs.getString("currency"))))
        .createdAt(Jdbc.getInstant(rs, "created_at"))
        .processedAt(Jdbc.getInstant(rs, "processed_at"))
        .acquirer(rs.getString("acquirer"))
        .acquirerStatus(rs.getString("acquirer_status"))
        .acquirerReference(rs.getString("acquirer_reference"))
        .errorCode(rs.getString("error_code"))
        .idempotency(rs.getString("idempotency_key"), rs.getString("request_fingerprint"))
        .build();
  }
}
