import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * What one webhook claim's SELECT costs on H2 with a backlog of due deliveries, ordered as the
 * claim did before (ORDER BY next_attempt_at, seq: not a prefix of the due index, so H2 reads,
 * tests and sorts every due row) and as it does now (ORDER BY status, next_attempt_at: the index's
 * order, so H2 stops at LIMIT). The two are timed alternately, in one JVM, on the real V7 schema.
 *
 * <p>Run from the repository root, after {@code mvn -pl gateway-server -am package -DskipTests}:
 * {@code java -cp gateway-server/target/gateway-server.jar benchmarks/ClaimCost.java 1000 10000 50000}
 * (the backlog sizes). Prints the median milliseconds per claim of 16 rows for each.
 */
public class ClaimCost {
  static final String WHERE = " FROM webhook_deliveries d WHERE d.status = 'Pending'"
      + " AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until < ?)"
      + " AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = d.endpoint_id"
      + " AND e.enabled = TRUE AND e.deleted_at IS NULL)"
      + " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = d.endpoint_id"
      + " AND p.payment_id = d.payment_id AND p.seq < d.seq AND p.status = 'Pending')";
  static final String BEFORE = "SELECT d.id, d.payload" + WHERE
      + " ORDER BY d.next_attempt_at, d.seq LIMIT 16";
  static final String AFTER = "SELECT d.id, d.payload" + WHERE
      + " ORDER BY d.status, d.next_attempt_at LIMIT 16";

  public static void main(String[] args) throws Exception {
    String v7 = Files.readString(Path.of(
        "gateway-server/src/main/resources/db/migration/V7__webhooks.sql"));
    for (String arg : args) {
      int backlog = Integer.parseInt(arg);
      Path dir = Files.createTempDirectory("claimcost");
      try (Connection c = DriverManager.getConnection("jdbc:h2:" + dir.resolve("db")
          + ";MODE=PostgreSQL;OPTIMIZE_REUSE_RESULTS=FALSE")) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE merchants (id UUID PRIMARY KEY)");
          for (String sql : v7.replaceAll("--[^\n]*", "").split(";")) {
            if (!sql.isBlank()) {
              s.execute(sql);
            }
          }
        }
        UUID merchant = UUID.randomUUID();
        UUID endpoint = UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(3600);
        try (Statement s = c.createStatement()) {
          s.execute("INSERT INTO merchants VALUES ('" + merchant + "')");
          s.execute("INSERT INTO webhook_endpoints (id, merchant_id, url, events, secret, enabled,"
              + " consecutive_failures, created_at) VALUES ('" + endpoint + "', '" + merchant
              + "', 'https://example.com', 'payment.authorised', 'whsec_x', TRUE, 0, NOW())");
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_deliveries (id,"
            + " event_id, event_type, endpoint_id, merchant_id, payment_id, payload, created_at,"
            + " status, attempts, next_attempt_at) VALUES (?, ?, 'payment.authorised', ?, ?, ?,"
            + " ?, ?, 'Pending', 0, ?)")) {
          String payload = "{\"id\":\"evt\",\"data\":{\"amount\":1000}}".repeat(10);
          for (int i = 0; i < backlog; i++) {
            Timestamp at = Timestamp.from(t0.plusMillis(i));
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, "evt_" + i);
            ps.setObject(3, endpoint);
            ps.setObject(4, merchant);
            ps.setObject(5, UUID.randomUUID());
            ps.setString(6, payload);
            ps.setTimestamp(7, at);
            ps.setTimestamp(8, at);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        c.commit();
        int rounds = 31;
        double[] before = new double[rounds];
        double[] after = new double[rounds];
        for (int i = 0; i < 5; i++) {
          time(c, BEFORE);
          time(c, AFTER);
        }
        for (int i = 0; i < rounds; i++) {
          before[i] = time(c, BEFORE);
          after[i] = time(c, AFTER);
        }
        Arrays.sort(before);
        Arrays.sort(after);
        System.out.printf("backlog %6d: before %8.3f ms per claim, after %6.3f ms (x%.0f)%n",
            backlog, before[rounds / 2], after[rounds / 2], before[rounds / 2] / after[rounds / 2]);
      }
    }
  }

  static double time(Connection c, String sql) throws Exception {
    long start = System.nanoTime();
    int n = 0;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Timestamp now = Timestamp.from(Instant.now());
      ps.setTimestamp(1, now);
      ps.setTimestamp(2, now);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          n++;
        }
      }
    }
    if (n != 16) {
      throw new IllegalStateException("claimed " + n);
    }
    return (System.nanoTime() - start) / 1e6;
  }
}
