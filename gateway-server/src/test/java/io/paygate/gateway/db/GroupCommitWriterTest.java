package io.paygate.gateway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.metrics.GroupCommitMetrics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes of many threads share commits, yet each is committed when its call returns. */
class GroupCommitWriterTest {
  @TempDir Path dir;
  private Database database;
  private GroupCommitWriter writer;
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  @BeforeEach
  void open() throws SQLException {
    database = Database.open(GatewayConfig.from(ConfigSource.of(Map.of("data.dir", dir.toString()))));
    try (Connection c = database.connection()) {
      c.createStatement().execute("CREATE TABLE t (k INTEGER PRIMARY KEY)");
    }
    writer = new GroupCommitWriter(database.dataSource(), new GroupCommitMetrics(metrics));
  }

  @AfterEach
  void close() {
    writer.close();
    database.close();
  }

  private static GroupCommitWriter.Write<Integer> insert(int k) {
    return c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (k) VALUES (?)")) {
        ps.setInt(1, k);
        return ps.executeUpdate();
      }
    };
  }

  /** Read on another connection: only committed rows are seen. */
  private int committedRows() throws SQLException {
    try (Connection c = database.connection();
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void eachGroupsSizeAndTimeAreRecordedBeforeItsWritesReturn() throws Exception {
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        int k = i;
        results.add(pool.submit(() -> {
          go.await();
          return writer.execute(insert(k));
        }));
      }
      go.countDown();
      for (Future<Integer> r : results) {
        r.get();
      }
    } finally {
      pool.shutdownNow();
    }
    DistributionSummary size = metrics.get("paygate.db.group.commit.size").summary();
    assertThat(size.totalAmount()).as("every write, in some group").isEqualTo(threads);
    assertThat(size.count()).isBetween(1L, (long) threads);
    assertThat(metrics.get("paygate.db.group.commit.duration").timer().count())
        .isEqualTo(size.count());
  }

  @Test
  void aWriteIsCommittedWhenItsCallReturns() throws SQLException {
    assertThat(writer.execute(insert(1))).isEqualTo(1);

    assertThat(committedRows()).isEqualTo(1);
  }

  @Test
  void concurrentWritesAreAllCommittedAndAFailingOneFailsAlone() throws Exception {
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        int k = i == 7 ? 3 : i; // thread 7 repeats key 3: one of the two must fail
        results.add(pool.submit(() -> {
          go.await();
          return writer.execute(insert(k));
        }));
      }
      go.countDown();
      int ok = 0;
      int failed = 0;
      for (Future<Integer> f : results) {
        try {
          ok += f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(SQLException.class);
          assertThat(Jdbc.isUniqueViolation((SQLException) e.getCause())).isTrue();
          failed++;
        }
      }
      assertThat(ok).isEqualTo(threads - 1);
      assertThat(failed).isEqualTo(1);
      assertThat(committedRows()).isEqualTo(threads - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void afterCloseAWriteIsRefused() {
    writer.close();

    assertThatThrownBy(() -> writer.execute(insert(1))).isInstanceOf(DataAccessException.class)
        .hasMessageContaining("closed");
  }
}
