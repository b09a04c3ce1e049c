package io.paygate.it.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One merchant's payments as the gateway's database holds them beside the bank's records of them
 * (the simulator's ledger and operations): what the cluster test compares.
 */
final class Ledger {
  /** A payment row: id, Idempotency-Key and status. */
  record Row(String id, String key, String status) {}

  private final Map<String, Row> byKey;
  private final List<Map<String, Object>> bankPayments;
  private final Set<String> cancelledAtBank;

  private Ledger(Map<String, Row> byKey, List<Map<String, Object>> bankPayments,
      Set<String> cancelledAtBank) {
    this.byKey = byKey;
    this.bankPayments = bankPayments;
    this.cancelledAtBank = cancelledAtBank;
  }

  /** Reads the merchant's payments from PostgreSQL and the bank's records from the simulator. */
  static Ledger of(Cluster cluster, String merchantId) throws SQLException {
    Map<String, Row> byKey = new HashMap<>();
    try (Connection c = cluster.database().connect(); PreparedStatement s = c.prepareStatement(
        "SELECT id, idempotency_key, status FROM payments WHERE merchant_id = ?")) {
      s.setObject(1, UUID.fromString(merchantId));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Row row = new Row(rs.getString("id"), rs.getString("idempotency_key"),
              rs.getString("status"));
          Row twin = byKey.put(row.key(), row);
          if (twin != null) {
            throw new AssertionError("two payments for key " + row.key() + ": " + twin + ", " + row);
          }
        }
      }
    }
    List<Map<String, Object>> bankPayments = cluster.bank().ledger().stream()
        .filter(r -> merchantId.equals(r.get("merchantId"))).toList();
    // An authorisation voided or cancelled by its reference charged nothing in the end.
    Set<String> cancelled = cluster.bank().operations().stream()
        .filter(o -> ("CANCEL".equals(o.get("type")) || "VOID".equals(o.get("type")))
            && "DONE".equals(o.get("status")))
        .map(o -> (String) o.get("paymentReference")).collect(Collectors.toSet());
    return new Ledger(byKey, bankPayments, cancelled);
  }

  /** The gateway's payments by Idempotency-Key (the database allows one per key). */
  Map<String, Row> byKey() {
    return byKey;
  }

  Map<String, String> paymentIdByKey() {
    return byKey.values().stream().collect(Collectors.toMap(Row::key, Row::id));
  }

  /** How many of the gateway's payments are Pending or Unknown. */
  long unresolved() {
    return byKey.values().stream()
        .filter(r -> r.status().equals("Pending") || r.status().equals("Unknown")).count();
  }

  /** Every payment reference the bank has a record of, once each (it keys its ledger by them). */
  List<String> bankReferences() {
    return bankPayments.stream().map(r -> (String) r.get("reference")).toList();
  }

  /** The references the bank charged: authorised, not voided or cancelled since. */
  Set<String> chargedAtBank() {
    return bankPayments.stream().filter(r -> "AUTHORISED".equals(r.get("status")))
        .map(r -> (String) r.get("reference"))
        .filter(ref -> !cancelledAtBank.contains(ref)).collect(Collectors.toSet());
  }

  /** The ids of the payments the gateway says were authorised. */
  Set<String> authorisedByGateway() {
    return byKey.values().stream().filter(r -> r.status().equals("Authorised")).map(Row::id)
        .collect(Collectors.toSet());
  }

  /** Bank records of payments the gateway has no row for: a charge nobody could account for. */
  Set<String> strangersAtBank() {
    Set<String> ours = byKey.values().stream().map(Row::id).collect(Collectors.toSet());
    Set<String> strangers = new HashSet<>(bankReferences());
    strangers.removeAll(ours);
    return strangers;
  }
}
