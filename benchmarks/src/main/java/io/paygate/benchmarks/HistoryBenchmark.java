package io.paygate.benchmarks;

import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.db.Database;
import io.paygate.gateway.db.HistoryCursor;
import io.paygate.gateway.db.PaymentRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * History reads against a growing table: one merchant's payments filled to each size in turn (bulk
 * {@code INSERT ... SELECT FROM SYSTEM_RANGE}, one second apart), and at each size the latency of
 * the repository's page of 50 (the query the history endpoint runs), first page and pages at random
 * depths. The database is the gateway's H2 file with {@code OPTIMIZE_REUSE_RESULTS=FALSE}, so that
 * H2 does not answer a repeated query from its result cache.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.paygate.benchmarks.HistoryBenchmark
 * [SIZES=10000,1000000] [QUERIES=10000] [DIR]}
 */
public final class HistoryBenchmark {
  private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");
  private static final int CHUNK = 200_000;

  private HistoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    String sizes = args.length > 0 ? args[0] : "10000,1000000";
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("paygate-history");
    String url = "jdbc:h2:file:" + dir.resolve("paygate").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE";
    try (Database db = Database.open(GatewayConfig.from(ConfigSource.of(
        Map.of("data.dir", dir.toString(), "db.url", url))))) {
      UUID merchant = Fixtures.merchant(db);
      UUID other = Fixtures.merchant(db);
      PaymentRepository payments = new PaymentRepository(db.dataSource());
      long rows = 0;
      for (String s : sizes.split(",")) {
        long size = Long.parseLong(s.trim());
        long t0 = System.nanoTime();
        fill(db, merchant, rows, size);
        // Another merchant's rows around, a tenth as many, so the index is shared as in life.
        fill(db, other, rows / 10, size / 10);
        rows = size;
        System.out.printf(Locale.ROOT, "%,d payments for the merchant (filled in %.1f s)%n", size,
            (System.nanoTime() - t0) / 1e9);
        measure("first page of 50   ", queries, () -> payments.page(merchant, null, 51));
        long n = size;
        measure("page at random depth", queries, () -> payments.page(merchant,
            new HistoryCursor(EPOCH.plusSeconds(ThreadLocalRandom.current().nextLong(51, n)),
                new UUID(0, 0)), 51));
        measure("first page of 50   ", queries, () -> payments.page(merchant, null, 51));
      }
    }
    if (args.length <= 2) {
      // Its own temporary folder: gigabytes at 10,000,000 rows, so it does not outlive the run.
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static void measure(String what, int queries, Runnable query) {
    for (int i = 0; i < Math.min(queries, 2_000); i++) {
      query.run(); // warm up: JIT, and the index pages into H2's cache
    }
    Histogram h = new Histogram(3_600_000_000L, 3);
    for (int i = 0; i < queries; i++) {
      long t0 = System.nanoTime();
      query.run();
      h.recordValue((System.nanoTime() - t0) / 1000);
    }
    System.out.printf(Locale.ROOT, "  %s p50 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms%n",
        what, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
        h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
  }

  /** Adds payments {@code from} (inclusive) to {@code to} (exclusive), created a second apart. */
  private static void fill(Database db, UUID merchant, long from, long to) throws SQLException {
    String sql = "INSERT INTO payments (id, merchant_id, status, card_holder_name,"
        + " card_number_masked, expiry_month, expiry_year, amount_minor, currency, created_at,"
        + " processed_at, acquirer, acquirer_status)"
        + " SELECT RANDOM_UUID(7), ?, 'Authorised', 'Santa Claus', '411111******1111', 12, 2031,"
        + " 4250, 'EUR', DATEADD(SECOND, \"X\", TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'),"
        + " DATEADD(SECOND, \"X\", TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:01+00'), 'PiggyBank',"
        + " 'APPROVED' FROM SYSTEM_RANGE(?, ?)";
    try (Connection c = db.connection()) {
      for (long start = from; start < to; start += CHUNK) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setObject(1, merchant);
          ps.setLong(2, start);
          ps.setLong(3, Math.min(to, start + CHUNK) - 1);
          ps.executeUpdate();
        }
      }
    }
  }
}
